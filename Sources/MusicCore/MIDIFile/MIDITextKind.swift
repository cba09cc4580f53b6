/// The kind of a text meta event (types 0x01...0x0F). A struct rather than an enum so that
/// the rarely used types 0x08...0x0F read and write back unchanged.
public struct MIDITextKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    /// Fails outside 0x01...0x0F, the range the SMF specification reserves for text.
    public init?(rawValue: UInt8) {
        guard (0x01...0x0F).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(_ value: UInt8) { rawValue = value }

    public static let text = MIDITextKind(0x01)
    public static let copyright = MIDITextKind(0x02)
    public static let trackName = MIDITextKind(0x03)
    public static let instrumentName = MIDITextKind(0x04)
    public static let lyric = MIDITextKind(0x05)
    /// Yamaha styles mark their sections with these ("SFF1", "Main A", "Fill In AA" ...).
    public static let marker = MIDITextKind(0x06)
    public static let cuePoint = MIDITextKind(0x07)
    public static let programName = MIDITextKind(0x08)
    public static let deviceName = MIDITextKind(0x09)

    public var description: String {
        switch rawValue {
        case 0x01: "text"
        case 0x02: "copyright"
        case 0x03: "track name"
        case 0x04: "instrument name"
        case 0x05: "lyric"
        case 0x06: "marker"
        case 0x07: "cue point"
        case 0x08: "program name"
        case 0x09: "device name"
        default: "text \(hex(rawValue))"
        }
    }
}
