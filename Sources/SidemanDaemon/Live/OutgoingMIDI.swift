import MusicCore

/// One message for the `out` port, handed from the audio thread to the output thread.
public struct OutgoingMIDI: Sendable, Hashable {
    public var event: MIDIEvent
    /// The audio frame (samples since the audio started) the message belongs to.
    public var frame: Int64

    public init(event: MIDIEvent, frame: Int64) {
        self.event = event
        self.frame = frame
    }
}
