/// What a track of a Standard MIDI File holds at one tick: a channel message, a meta event,
/// or a system-exclusive event.
public enum MIDIFileEvent: Hashable, Sendable {
    /// A channel message. A note-on with velocity 0 stays a note-on (as stored);
    /// `MIDIEvent.isNoteOff` tells what it means.
    case midi(MIDIEvent)
    case meta(MIDIMetaEvent)
    case sysEx(MIDISysExEvent)

    public var midiEvent: MIDIEvent? {
        if case .midi(let e) = self { return e }
        return nil
    }

    public var metaEvent: MIDIMetaEvent? {
        if case .meta(let m) = self { return m }
        return nil
    }
}
