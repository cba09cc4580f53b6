/// A MIDI message as a value. Channel messages carry bounded values; system messages that
/// an arranger cares about (clock, transport, SysEx) are cases of their own.
public enum MIDIEvent: Hashable, Sendable {
    case noteOn(channel: MIDIChannel, note: UInt7, velocity: UInt7)
    case noteOff(channel: MIDIChannel, note: UInt7, velocity: UInt7)
    case polyPressure(channel: MIDIChannel, note: UInt7, pressure: UInt7)
    case controlChange(channel: MIDIChannel, controller: UInt7, value: UInt7)
    case programChange(channel: MIDIChannel, program: UInt7)
    case channelPressure(channel: MIDIChannel, pressure: UInt7)
    case pitchBend(channel: MIDIChannel, value: UInt14)
    case sysEx([UInt8])
    case clock
    case start
    case stop
    case `continue`
    case songPosition(UInt14)
    case activeSensing
    case reset

    public var channel: MIDIChannel? {
        switch self {
        case .noteOn(let c, _, _), .noteOff(let c, _, _), .polyPressure(let c, _, _),
            .controlChange(let c, _, _), .programChange(let c, _), .channelPressure(let c, _),
            .pitchBend(let c, _):
            return c
        default: return nil
        }
    }

    /// A note-on with velocity 0 is a note-off on the wire; this says which it really is.
    public var isNoteOn: Bool {
        if case .noteOn(_, _, let v) = self { return v.rawValue > 0 }
        return false
    }

    public var isNoteOff: Bool {
        switch self {
        case .noteOff: return true
        case .noteOn(_, _, let v): return v.rawValue == 0
        default: return false
        }
    }

    /// Whether the event only ends sound or puts a voice back at rest: a note-off, a pedal's
    /// release (sustain, sostenuto), All Sound Off or All Notes Off, the pitch bend back at its
    /// centre. What must still be played when the rest is dropped (else a voice stays held, or
    /// out of tune).
    public var isRelease: Bool {
        if isNoteOff { return true }
        if case .pitchBend(_, let value) = self { return value == .center }
        guard case .controlChange(_, let controller, let value) = self else { return false }
        switch controller {
        case MIDIController.sustain, MIDIController.sostenuto: return value.rawValue < 64
        case MIDIController.allSoundOff, MIDIController.allNotesOff: return true
        default: return false
        }
    }
}
