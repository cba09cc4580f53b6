import MusicCore
import Testing

@testable import SidemanDaemon

/// A repeatable pseudo-random jitter source (SplitMix64).
private struct Jitter {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in -amplitude...amplitude nanoseconds.
    mutating func offset(amplitude: Int64) -> Int64 { Int64(next() % UInt64(2 * amplitude + 1)) - amplitude }
}

/// A virtual 24-ppq clock: pulse n at start + n × period, moved by jitter.
private func pulses(bpm: Double, count: Int, from start: UInt64 = 1_000_000_000, jitter amplitude: Int64, seed: UInt64 = 7)
    -> [UInt64]
{
    var jitter = Jitter(state: seed)
    let period = 60e9 / (bpm * 24)
    return (0..<count).map { n in
        UInt64(Int64(Double(start) + Double(n) * period) + (amplitude > 0 ? jitter.offset(amplitude: amplitude) : 0))
    }
}

@Suite struct ClockFollowerTests {
    @Test(arguments: [60.0, 96.0, 123.4, 180.0, 300.0])
    func steadyClockGivesItsTempo(bpm: Double) throws {
        var follower = ClockFollower()
        var last: Tempo?
        for t in pulses(bpm: bpm, count: 200, jitter: 0) { last = follower.pulse(atNanoseconds: t) ?? last }
        let estimate = try #require(last)
        #expect(abs(estimate.bpm - bpm) < 0.01, "\(estimate.bpm) for \(bpm)")
    }

    /// ±2 ms of jitter on every pulse (a pulse lasts 20.8 ms at 120 BPM): the estimate over
    /// 96 pulses stays within 0.3 BPM, where a single interval would be off by up to 20 %.
    @Test func jitteredClockGivesAStableTempo() throws {
        var follower = ClockFollower()
        var estimates: [Double] = []
        for (n, t) in pulses(bpm: 120, count: 480, jitter: 2_000_000).enumerated() {
            if let tempo = follower.pulse(atNanoseconds: t), n >= 96 { estimates.append(tempo.bpm) }
        }
        #expect(estimates.count == 480 - 96)
        let worst = estimates.map { abs($0 - 120) }.max() ?? 99
        #expect(worst < 0.3, "worst estimate off by \(worst) BPM")
    }

    @Test func noTempoUntilEnoughPulses() {
        var follower = ClockFollower()
        let times = pulses(bpm: 100, count: 24, jitter: 0)
        for t in times.dropLast() { #expect(follower.pulse(atNanoseconds: t) == nil) }
        #expect(follower.pulse(atNanoseconds: times.last!) != nil)
    }

    @Test func aTempoChangeIsFollowedWithinTheWindow() throws {
        var follower = ClockFollower()
        var times = pulses(bpm: 100, count: 200, jitter: 1_000_000)
        times += pulses(bpm: 140, count: 200, from: times.last! + UInt64(60e9 / (140 * 24)), jitter: 1_000_000, seed: 9)
        var last: Tempo?
        for t in times { last = follower.pulse(atNanoseconds: t) ?? last }
        #expect(abs(try #require(last).bpm - 140) < 0.3)
    }

    @Test func aStoppedClockStartsAfresh() {
        var follower = ClockFollower()
        let first = pulses(bpm: 100, count: 100, jitter: 0)
        for t in first { _ = follower.pulse(atNanoseconds: t) }
        // One second of silence, then a new clock: the old pulses are forgotten.
        let second = pulses(bpm: 150, count: 30, from: first.last! + 1_000_000_000, jitter: 0)
        var last: Tempo?
        for t in second { last = follower.pulse(atNanoseconds: t) ?? last }
        #expect(last.map { abs($0.bpm - 150) < 0.01 } == true)
    }
}
