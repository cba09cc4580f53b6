import Foundation

/// Which input frame goes with a take's first band frame: both placed on CLOCK_MONOTONIC by
/// their cards' clocks (`ClockLine`), so the arithmetic is exact integers.
public struct InputAlignment: Hashable, Sendable {
    /// The band frame the take starts with (the audio callback's count).
    public var bandFrame: Int64
    /// When the take's first band frame left the playback card (CLOCK_MONOTONIC, ns).
    public var bandStartNanoseconds: Int64
    /// The input frame (counted from the capture's first read) that entered the capture card
    /// at that instant, and its position in the ring (frames the ring dropped are not in it).
    public var inputFrame: Int64
    public var ringPosition: Int64
    /// For the log: frames waiting in the playback and capture buffers at the last look.
    public var playbackDelay: Int
    public var captureDelay: Int
    /// How much later each card's frame 0 is than its older observations said (a stall longer
    /// than its buffer lost that much of its time): followed, and said in the log.
    public var playbackSlip: Int64 = 0
    public var captureSlip: Int64 = 0
    public let sampleRate: Int

    /// `bandZero`: when band frame 0 left the playback card; `inputZero`: when input frame 0
    /// entered the capture card (both ns, CLOCK_MONOTONIC).
    public init(
        bandFrame: Int64, bandZero: Int64, inputZero: Int64, lostFrames: Int, sampleRate: Int, playbackDelay: Int = 0, captureDelay: Int = 0
    ) {
        self.bandFrame = bandFrame
        self.sampleRate = sampleRate
        bandStartNanoseconds = bandZero + ClockLine.nanoseconds(frames: bandFrame, rate: sampleRate)
        inputFrame = ClockLine.frames(nanoseconds: bandStartNanoseconds - inputZero, rate: sampleRate)
        ringPosition = inputFrame - Int64(lostFrames)
        self.playbackDelay = playbackDelay
        self.captureDelay = captureDelay
    }

    /// One line for the log: the buffers measured on each side, in milliseconds.
    public var summary: String {
        let ms = { (frames: Int) in Double(frames) * 1000 / Double(sampleRate) }
        var text = String(
            format: "band out %.1f ms, input %.1f ms (measured from the cards' positions)", ms(playbackDelay), ms(captureDelay))
        for (slip, side) in [(playbackSlip, "band out"), (captureSlip, "input")] where slip != 0 {
            text += String(format: "; %@ lost %.1f ms in a stall, followed", side, Double(slip) / 1e6)
        }
        return text
    }
}
