import Testing

@testable import SidemanDaemon

@Suite struct OutputPacerTests {
    /// The audio thread computes two 64-frame blocks per 128-frame period, back to back, every
    /// 2.67 ms (± 0.3 ms of scheduling jitter); a clock pulse every 1000 frames (120 BPM).
    /// Sent on arrival, pulses would be off by up to a period; paced, they keep 1000 frames.
    @Test func burstsKeepTheirFramesSpacing() {
        var pacer = OutputPacer(sampleRate: 48_000)
        let period = Int64(128) * 1_000_000_000 / 48_000
        var sends: [Int64] = []
        var seed: UInt64 = 3
        for p in 0..<2000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let jitter = Int64(seed >> 33) % 600_000 - 300_000
            let callback = Int64(p) * period + 10_000_000 + jitter
            for frame in Int64(p * 128)..<Int64(p * 128 + 128) where frame % 1000 == 0 {
                sends.append(pacer.sendTime(frame: frame, now: callback))
            }
        }
        let intervals = zip(sends, sends.dropFirst()).map { $1 - $0 }
        let ideal: Int64 = 1000 * 1_000_000_000 / 48_000  // 20.83 ms
        let worst = intervals.map { abs($0 - ideal) }.max() ?? 0
        #expect(worst <= 1_000_000, "pulse intervals off by up to \(Double(worst) / 1e6) ms")
        #expect(zip(sends, sends.dropFirst()).allSatisfy { $0 <= $1 }, "in order")
    }

    @Test func neverSendsBeforeNowNorWaitsLongerThanTheMaximum() {
        var pacer = OutputPacer(sampleRate: 48_000)
        #expect(pacer.sendTime(frame: 0, now: 1_000) == 1_000)
        // A long pause: frame 48 000 (1 s later) arrives 5 s later: sent now, re-anchored.
        #expect(pacer.sendTime(frame: 48_000, now: 5_000_000_000) == 5_000_000_000)
        // A message far ahead of its time (a faster card): sent now, not held for long.
        let t = pacer.sendTime(frame: 48_000 + 4800, now: 5_000_000_001)
        #expect(t == 5_000_000_001)
        // Within the window it keeps spacing: 48 frames = 1 ms after the anchor.
        #expect(pacer.sendTime(frame: 48_000 + 4848, now: 5_000_000_002) == 5_000_000_001 + 1_000_000)
    }
}
