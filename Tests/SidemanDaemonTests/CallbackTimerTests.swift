import Testing

@testable import SidemanDaemon

/// Late callbacks (likely underruns) told from on-time ones by the clock alone.
@Suite struct CallbackTimerTests {
    static let block = 64
    /// 64 frames at 48 kHz.
    static let blockNanoseconds: Int64 = 1_333_333

    @Test func onTimeBurstsAreNotLate() {
        // Two periods of 256 frames: the driver asks four blocks back to back, then waits.
        var timer = CallbackTimer(sampleRate: 48_000, bufferFrames: 512)
        var late = 0
        for period in 0..<1000 {
            let start = Int64(period) * 4 * Self.blockNanoseconds
            for i in 0..<4 where timer.block(frames: Self.block, atNanoseconds: start + Int64(i) * 1000) { late += 1 }
        }
        #expect(late == 0)
    }

    @Test func aGapLongerThanTheBufferIsOneLateCallback() {
        var timer = CallbackTimer(sampleRate: 48_000, bufferFrames: 512)  // 10.7 ms
        var now: Int64 = 0
        var late = 0
        for n in 0..<200 {
            if n == 100 { now += 50_000_000 }  // the thread was not scheduled for 50 ms
            if timer.block(frames: Self.block, atNanoseconds: now) { late += 1 }
            now += Self.blockNanoseconds
        }
        #expect(late == 1, "one late callback, then the timer follows the new pace")
    }

    @Test func jitterWithinTheBufferIsFine() {
        var timer = CallbackTimer(sampleRate: 48_000, bufferFrames: 512)
        var late = 0
        for n in 0..<500 {
            let jitter: Int64 = n % 7 == 0 ? 5_000_000 : 0
            if timer.block(frames: Self.block, atNanoseconds: Int64(n) * Self.blockNanoseconds + jitter) { late += 1 }
        }
        #expect(late == 0)
    }
}
