import Foundation

/// Tells a late audio callback from an on-time one without any system call but the clock
/// read: the sound card consumes `sampleRate` frames a second, so block n should come no later
/// than the anchor plus its frames' duration plus the buffer's length. Later than that, the
/// buffer ran dry (an underrun) — count it and re-anchor on the late block.
public struct CallbackTimer: Sendable {
    let sampleRate: Int64
    /// Nanoseconds of audio the card's buffer holds (period × periods).
    let slackNanoseconds: Int64
    var anchorNanoseconds: Int64 = -1
    var framesSinceAnchor: Int64 = 0
    /// How late the last block came (nanoseconds; negative: early).
    public private(set) var lastLagNanoseconds: Int64 = 0

    public init(sampleRate: Int, bufferFrames: Int) {
        self.sampleRate = Int64(max(1, sampleRate))
        slackNanoseconds = Int64(bufferFrames) * 1_000_000_000 / Int64(max(1, sampleRate))
    }

    /// The monotonic clock in nanoseconds (a vDSO read: no system call, no allocation).
    @inline(__always)
    public static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// A block of `frames` starts at `now` (monotonic nanoseconds); true if it came late.
    public mutating func block(frames: Int, atNanoseconds now: Int64) -> Bool {
        if anchorNanoseconds < 0 {
            anchorNanoseconds = now
            framesSinceAnchor = Int64(frames)
            return false
        }
        let due = anchorNanoseconds + FrameNanoseconds.nanoseconds(frames: framesSinceAnchor, sampleRate: sampleRate)
        let lag = now - due
        lastLagNanoseconds = lag
        // Early by more than the buffer: the card's clock runs ahead of ours; follow it.
        if lag > slackNanoseconds || lag < -slackNanoseconds {
            anchorNanoseconds = now
            framesSinceAnchor = Int64(frames)
            return lag > 0
        }
        framesSinceAnchor += Int64(frames)
        return false
    }
}
