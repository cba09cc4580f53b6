import Testing

@testable import SidemanDaemon

/// The box stays on for weeks: the frame-to-time arithmetic of the audio and output threads
/// must hold through a month of audio (frames × 10⁹ passes Int64's range after 53 h at
/// 48 kHz). Each test runs 30 days of simulated time in large steps, so it takes milliseconds.
@Suite struct LongRunClockTests {
    static let rate: Int64 = 48_000
    static let days: Int64 = 30
    /// One minute of audio per step: 43,200 steps for the month.
    static let step: Int64 = 60 * rate
    static let steps = Int(days * 24 * 60)

    @Test func callbackTimerRunsAMonthWithoutALateBlock() {
        var timer = CallbackTimer(sampleRate: Int(Self.rate), bufferFrames: 512)
        var late = 0
        var frames: Int64 = 0
        let start: Int64 = 1_000_000_000
        for _ in 0...Self.steps {
            // The card is exactly on time: block n starts when n's frames say it should.
            let now = start + frames / Self.rate * 1_000_000_000 + frames % Self.rate * 1_000_000_000 / Self.rate
            if timer.block(frames: Int(Self.step), atNanoseconds: now) { late += 1 }
            frames += Self.step
        }
        #expect(late == 0)
        #expect(timer.framesSinceAnchor == frames, "never re-anchored: no drift between frames and clock")
    }

    @Test func callbackTimerStillTellsALateBlockAfterAMonth() {
        var timer = CallbackTimer(sampleRate: Int(Self.rate), bufferFrames: 512)
        var now: Int64 = 0
        var late = 0
        for _ in 0...Self.steps {
            if timer.block(frames: Int(Self.step), atNanoseconds: now) { late += 1 }
            now += 60_000_000_000
        }
        #expect(late == 0)
        // 50 ms late, more than the 10.7 ms buffer.
        let lateAfterAMonth = timer.block(frames: 64, atNanoseconds: now + 50_000_000)
        #expect(lateAfterAMonth)
    }

    @Test func outputPacerKeepsFrameSpacingThroughAMonth() {
        var pacer = OutputPacer(sampleRate: Int(Self.rate))
        let start: Int64 = 5_000_000_000
        var frame: Int64 = 0
        for _ in 0...Self.steps {
            let exact = start + frame / Self.rate * 1_000_000_000 + frame % Self.rate * 1_000_000_000 / Self.rate
            // After the first (the anchor), each comes 0.5 ms ahead of its time: the pacer
            // waits until then, never re-anchoring.
            let send = pacer.sendTime(frame: frame, now: frame == 0 ? exact : exact - 500_000)
            #expect(send == exact, "drift at frame \(frame)")
            if send != exact { break }
            frame += Self.step
        }
    }
}
