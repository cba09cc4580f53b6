/// A system-exclusive event as a Standard MIDI File stores it. `F0 <length> <bytes>` starts
/// a message (the bytes normally end with F7); `F7 <length> <bytes>` is an escape that sends
/// its bytes as they are: the continuation of a split message, or any other raw bytes.
public struct MIDISysExEvent: Hashable, Sendable {
    public enum Kind: UInt8, Hashable, Sendable {
        /// Stored with 0xF0; the message's F0 is implied, `data` follows it.
        case message = 0xF0
        /// Stored with 0xF7; `data` is sent verbatim.
        case escape = 0xF7
    }

    public var kind: Kind
    /// The bytes after the length, exactly as stored.
    public var data: [UInt8]

    public init(kind: Kind, data: [UInt8]) {
        self.kind = kind
        self.data = data
    }

    /// A complete message from its wire bytes (starting with F0, ending with F7).
    public init(message wireBytes: [UInt8]) {
        kind = .message
        data = wireBytes.first == 0xF0 ? Array(wireBytes.dropFirst()) : wireBytes
    }

    /// The bytes that go on the wire: F0 + data for a message, the data itself for an escape.
    public var wireBytes: [UInt8] { kind == .message ? [0xF0] + data : data }

    /// A complete message (F0 ... F7) as a live MIDI event; nil for escapes and for the first
    /// part of a split message.
    public var midiEvent: MIDIEvent? {
        guard kind == .message, data.last == 0xF7 else { return nil }
        return .sysEx(wireBytes)
    }
}
