import MusicCore

/// An ALSA sequencer event as a plain Swift value: the fields Sideman reads or writes, named as
/// ALSA names them. The C struct is converted to and from this in ALSAConversions.swift only,
/// so that everything else (MIDI mapping, SysEx assembly, hotplug) is pure and tested without
/// a sound card.
public struct SequencerEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case noteOn, noteOff, keyPressure, controller, programChange, channelPressure, pitchBend
        case songPosition, start, `continue`, stop, clock, sensing, reset
        case sysEx
        /// Announcements from the System client (0:1).
        case clientStart, clientExit, portStart, portExit, portSubscribed, portUnsubscribed
        /// Anything else, with ALSA's type number (ignored by Sideman).
        case other(Int)
    }

    public var kind: Kind
    public var source: SequencerAddress
    /// Channel, note and velocity of note events; channel of controller-type events.
    public var channel: UInt8 = 0
    public var note: UInt8 = 0
    public var velocity: UInt8 = 0
    /// Controller number (`data.control.param`).
    public var param: UInt32 = 0
    /// Controller value, program, pressure, pitch bend (signed, centre 0), song position.
    public var value: Int32 = 0
    /// SysEx bytes (one chunk as ALSA delivered it; see SysExAssembler).
    public var bytes: [UInt8] = []
    /// The client/port an announcement is about (`data.addr`); the sender of a subscription
    /// (`data.connect.sender`).
    public var subject: SequencerAddress = SequencerAddress(client: 0, port: 0)
    /// The receiver of a subscription (`data.connect.dest`).
    public var destination: SequencerAddress = SequencerAddress(client: 0, port: 0)

    public init(kind: Kind, source: SequencerAddress = SequencerAddress(client: 0, port: 0)) {
        self.kind = kind
        self.source = source
    }
}
