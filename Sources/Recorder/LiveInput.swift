import Synchronization

/// An instrument recorded beside the band (`[record] input`): the ring its capture thread
/// fills, and the two clocks that place it against the band, both measured from the sound
/// cards' own positions: when the band's frames leave the playback converter, and when the
/// input's frames entered the capture converter. Playing along, you hear band frame F at the
/// moment it leaves; what you play then enters the input at that same moment — so input and
/// band line up where those two instants are equal, whatever the buffers in between.
public final class LiveInput: Sendable {
    struct Clocks {
        var capture: ClockLine
        var playback: ClockLine
    }

    public let device: String
    public let sampleRate: Int
    public let ring: InputRing
    let clocks: Mutex<Clocks>
    /// True while the capture thread reads the device.
    public let capturing = Atomic<Bool>(false)
    /// Frames the band waited in the playback buffer, and the input in the capture buffer, at
    /// the last look: for the log.
    public let playbackDelay = Atomic<Int>(0)
    public let captureDelay = Atomic<Int>(0)

    public init(device: String, sampleRate: Int, channels: Int = 2) {
        self.device = device
        self.sampleRate = sampleRate
        ring = InputRing(channels: channels, sampleRate: sampleRate)
        clocks = Mutex(Clocks(capture: ClockLine(sampleRate: sampleRate), playback: ClockLine(sampleRate: sampleRate)))
    }

    // MARK: The capture thread

    /// The capture card had taken in `frame` frames (counted from the first read, overruns
    /// included) at `nanoseconds`.
    public func observeCapture(nanoseconds: Int64, frame: Int64) {
        clocks.withLock { $0.capture.observe(nanoseconds: nanoseconds, frame: frame) }
    }

    /// The band's frame `frame` (the audio callback's count) had left the playback card at
    /// `nanoseconds`, or before.
    public func observePlayback(nanoseconds: Int64, frame: Int64) {
        clocks.withLock { $0.playback.observe(nanoseconds: nanoseconds, frame: frame) }
    }

    /// The capture clock's estimate of when input frame 0 entered the card.
    public func captureFrameZero(now: Int64) -> Int64? { clocks.withLock { $0.capture.frameZero(now: now) } }

    public func resetCapture() { clocks.withLock { $0.capture.reset() } }
    public func resetPlayback() { clocks.withLock { $0.playback.reset() } }

    // MARK: The take writer

    /// Where a take starting with band frame `bandFrame` finds its input: the ring position of
    /// the input frame that sounded with it. nil while either clock is unknown.
    public func alignment(bandFrame: Int64, now: Int64) -> InputAlignment? {
        let (band, input, slips) = clocks.withLock {
            ($0.playback.frameZero(now: now), $0.capture.frameZero(now: now), ($0.playback.slipFollowed(now: now), $0.capture.slipFollowed(now: now)))
        }
        guard let band, let input else { return nil }
        var a = InputAlignment(
            bandFrame: bandFrame, bandZero: band, inputZero: input, lostFrames: ring.lostFrames, sampleRate: sampleRate,
            playbackDelay: playbackDelay.load(ordering: .relaxed), captureDelay: captureDelay.load(ordering: .relaxed))
        a.playbackSlip = slips.0
        a.captureSlip = slips.1
        return a
    }
}
