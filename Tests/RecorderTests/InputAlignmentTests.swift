import Foundation
import Testing

@testable import Recorder

/// The arithmetic that places an input against the band: clocks from late-reported card
/// positions, and the input frame that goes with a take's first band frame.
@Suite("Input alignment: clocks and frames") struct InputAlignmentTests {
    let rate = 48_000

    @Test func theEarliestObservationIsTheClock() {
        // A card whose frame 0 entered at 5 s; its position is read late by 0-4 ms (a timer
        // tick), at times that fall on every phase of that tick.
        var line = ClockLine(sampleRate: rate)
        let zero: Int64 = 5_000_000_000
        var now = zero + 100_000_000
        for i in 0..<400 {
            let late = Int64(i * 7_919 % 4_000) * 1_000  // 0 ..< 4 ms, spread
            let position = ClockLine.frames(nanoseconds: now - late - zero, rate: rate)
            line.observe(nanoseconds: now, frame: position)
            now += 5_333_333
        }
        let estimate = line.frameZero(now: now)!
        #expect(abs(estimate - zero) < 50_000, "off by \(Double(estimate - zero) / 1e6) ms")
    }

    /// Readings of a card whose frame 0 is at `zero`, every `step` from `from` for `count`,
    /// each late by 0-4 ms (a timer tick) at a spread of phases.
    func observe(_ line: inout ClockLine, zero: Int64, from: Int64, count: Int, step: Int64 = 5_333_333) -> Int64 {
        var now = from
        for i in 0..<count {
            let late = Int64(i * 2_473 % 4_000) * 1_000
            line.observe(nanoseconds: now, frame: ClockLine.frames(nanoseconds: now - late - zero, rate: rate))
            now += step
        }
        return now
    }

    @Test func aStreamThatLostABufferInAStallIsFollowed() {
        // The band's card (256 x 3 frames, 16 ms) ran 2 s; then nothing read it for longer
        // than its buffer, the kernel missed a turn of the ring, and every frame since passes
        // 16 ms later than before. Half a second on, the estimate is the new one, not the
        // earliest of the window (which would place the input 16 ms off for four seconds).
        var line = ClockLine(sampleRate: rate)
        let zero: Int64 = 5_000_000_000
        var now = observe(&line, zero: zero, from: zero + 100_000_000, count: 375, step: 20_000_000 / 3)
        now = observe(&line, zero: zero + 16_000_000, from: now, count: 25, step: 20_000_000)
        let estimate = line.frameZero(now: now)!
        #expect(abs(estimate - (zero + 16_000_000)) < 500_000, "off by \(Double(estimate - zero - 16_000_000) / 1e6) ms")
        #expect(abs(line.slipFollowed(now: now) - 16_000_000) < 500_000)
    }

    @Test func aFewLateReadingsAreNotASlip() {
        // A stalled machine reads the card 20 ms late a few times in a row: fewer than the
        // confirmations needed, so the clock stays where the earlier readings put it.
        var line = ClockLine(sampleRate: rate)
        let zero: Int64 = 5_000_000_000
        var now = observe(&line, zero: zero, from: zero + 100_000_000, count: 400)
        for _ in 0..<(ClockLine.confirmations - 1) {
            now += 300_000_000
            line.observe(nanoseconds: now, frame: ClockLine.frames(nanoseconds: now - 20_000_000 - zero, rate: rate))
        }
        #expect(abs(line.frameZero(now: now)! - zero) < 50_000)
        #expect(line.slipFollowed(now: now) == 0)
    }

    @Test func aStreamThatGainedTimeIsFollowedAsBefore() {
        // Frame 0 earlier than before (a card running fast against the system's clock): the
        // newer, earlier readings are the estimate at once.
        var line = ClockLine(sampleRate: rate)
        let zero: Int64 = 5_000_000_000
        var now = observe(&line, zero: zero, from: zero + 100_000_000, count: 200)
        now = observe(&line, zero: zero - 3_000_000, from: now, count: 20)
        #expect(abs(line.frameZero(now: now)! - (zero - 3_000_000)) < 100_000)
    }

    @Test func observationsOlderThanTheWindowAreForgotten() {
        var line = ClockLine(sampleRate: rate)
        line.observe(nanoseconds: 1_000_000_000, frame: 0)  // frame 0 at 1 s
        line.observe(nanoseconds: 10_000_000_000, frame: 48_000 * 8)  // later: frame 0 at 2 s
        #expect(line.frameZero(now: 10_000_000_000) == 2_000_000_000)
        line.reset()
        #expect(line.frameZero(now: 10_000_000_000) == nil)
    }

    @Test func aMonthOfFramesDoesNotOverflow() {
        let month: Int64 = 48_000 * 86_400 * 31
        #expect(ClockLine.nanoseconds(frames: month, rate: rate) == 86_400 * 31 * 1_000_000_000)
        #expect(ClockLine.frames(nanoseconds: 86_400 * 31 * 1_000_000_000, rate: rate) == month)
        #expect(ClockLine.frames(nanoseconds: -10_400, rate: rate) == 0)  // under half a frame: none
        #expect(ClockLine.frames(nanoseconds: -10_420, rate: rate) == -1)
    }

    @Test func theInputFrameThatSoundsWithTheTakesFirstBandFrame() {
        // Band frame 0 left the card at 10 s; the take starts with band frame 96 000 (12 s).
        // Input frame 0 entered at 10.5 s, so at 12 s the input is at frame 72 000; the ring
        // dropped 100 frames, so that frame sits at position 71 900.
        let a = InputAlignment(
            bandFrame: 96_000, bandZero: 10_000_000_000, inputZero: 10_500_000_000, lostFrames: 100, sampleRate: rate,
            playbackDelay: 768, captureDelay: 240)
        #expect(a.bandStartNanoseconds == 12_000_000_000)
        #expect(a.inputFrame == 72_000)
        #expect(a.ringPosition == 71_900)
        #expect(a.summary.hasPrefix("band out 16.0 ms, input 5.0 ms"))
        // Less than half a frame either way rounds to the same frame.
        let b = InputAlignment(bandFrame: 0, bandZero: 1_000_010_000, inputZero: 1_000_000_000, lostFrames: 0, sampleRate: rate)
        #expect(b.inputFrame == 0)
        let c = InputAlignment(bandFrame: 0, bandZero: 1_000_000_000, inputZero: 1_000_020_834, lostFrames: 0, sampleRate: rate)
        #expect(c.inputFrame == -1)
    }

    @Test func theRingHandsOverFramesByPositionAndSilenceForTheMissing() {
        let ring = InputRing(channels: 2, sampleRate: 1_000, seconds: 1)  // 1 024 frames
        var block = [Int16](repeating: 0, count: 2 * 600)
        for i in 0..<600 { block[2 * i] = Int16(i); block[2 * i + 1] = Int16(-i) }
        #expect(block.withUnsafeBufferPointer { ring.push($0.baseAddress!, frames: 600) })
        #expect(!block.withUnsafeBufferPointer { ring.push($0.baseAddress!, frames: 600) })  // no room: dropped
        #expect(ring.lostFrames == 600)
        var out = [Int16](repeating: 7, count: 2 * 10)
        let real = out.withUnsafeMutableBufferPointer { ring.copy(from: 595, frames: 10, into: $0.baseAddress!) }
        #expect(real == 5)
        #expect(Array(out[0..<4]) == [595, -595, 596, -596])
        #expect(Array(out[10..<20]) == [Int16](repeating: 0, count: 10))
        ring.release(before: 500)
        #expect(ring.oldest == 500)
        _ = out.withUnsafeMutableBufferPointer { ring.copy(from: 498, frames: 2, into: $0.baseAddress!) }
        #expect(Array(out[0..<4]) == [0, 0, 0, 0])  // released: silence, never stale frames
        #expect(ring.pushSilence(frames: 400))
        #expect(ring.newest == 1_000)
    }

    @Test func filesOfAStemBelongToTheirTake() {
        #expect(TakeLibrary.takeName(of: "2026-12-06 183012 medium-swing.band.flac") == "2026-12-06 183012 medium-swing")
        #expect(TakeLibrary.takeName(of: "2026-12-06 183012 medium-swing.input.wav") == "2026-12-06 183012 medium-swing")
        #expect(TakeLibrary.takeName(of: "2026-12-06 183012 medium-swing (incomplete).flac") == "2026-12-06 183012 medium-swing (incomplete)")
        let take = Take(name: "a", files: ["a.band.flac", "a.flac", "a.input.flac", "a.mid"], seconds: nil, bytes: 0, incomplete: false)
        #expect(take.audioFile == "a.flac")
        #expect(take.bandFile == "a.band.flac")
        #expect(take.inputFile == "a.input.flac")
    }
}
