/// When the output thread sends each message: the audio thread computes blocks in bursts (a
/// period of 128 frames is two 64-frame blocks computed back to back, then nothing for
/// 2.7 ms), so sending on arrival would bunch a period's MIDI clock pulses together. The pacer
/// keeps the messages' own spacing instead: a message for frame F goes out at
/// `anchor time + (F − anchor frame) / rate`. The anchor is the first message, and is taken
/// again whenever that time falls too far behind (the audio lost time, or the sound card's
/// clock runs slower than the CPU's) or too far ahead (a long pause, or a faster card), so it
/// never delays a message by more than `maximumDelay`. Pure: times in and out, nanoseconds.
public struct OutputPacer: Sendable {
    public let sampleRate: Int
    /// A message due more than this long ago re-anchors (sent now).
    public let lateTolerance: Int64
    /// No message waits longer than this.
    public let maximumDelay: Int64
    private var anchor: (frame: Int64, nanoseconds: Int64)?

    public init(sampleRate: Int, lateTolerance: Int64 = 1_000_000, maximumDelay: Int64 = 6_000_000) {
        self.sampleRate = max(1, sampleRate)
        self.lateTolerance = lateTolerance
        self.maximumDelay = maximumDelay
    }

    /// The time (monotonic nanoseconds) to send a message for `frame`, given that it is `now`;
    /// frames come in order.
    public mutating func sendTime(frame: Int64, now: Int64) -> Int64 {
        if let anchor {
            let due = anchor.nanoseconds + FrameNanoseconds.nanoseconds(frames: frame - anchor.frame, sampleRate: Int64(sampleRate))
            if due >= now - lateTolerance && due <= now + maximumDelay { return max(due, now) }
        }
        anchor = (frame, now)
        return now
    }
}
