import MusicCore

/// One decoded input message on its way from the reader thread to the consumer. Channel
/// messages are plain values; a SysEx message carries an array, allocated by the reader and
/// released wherever the consumer drops it — a real-time consumer should pass SysEx on to
/// another thread rather than drop it in the audio callback.
public struct InputEvent: Hashable, Sendable {
    public var source: SequencerAddress
    public var event: MIDIEvent
    /// CLOCK_MONOTONIC nanoseconds when the reader took it from the sequencer, so that the
    /// consumer can place it inside the audio block it is rendering.
    public var receivedNanoseconds: UInt64
    /// Input was lost just before this event (the kernel's buffer or the ring overflowed):
    /// note-offs may be missing, so the consumer can no longer trust which keys are held.
    public var lostBefore: Bool

    public init(source: SequencerAddress, event: MIDIEvent, receivedNanoseconds: UInt64, lostBefore: Bool = false) {
        self.source = source
        self.event = event
        self.receivedNanoseconds = receivedNanoseconds
        self.lostBefore = lostBefore
    }
}
