/// A meta event of a Standard MIDI File (status 0xFF). The types an arranger reads have
/// cases of their own; every other type is kept as `unknown` with its bytes, so that reading
/// and writing a file loses nothing.
public enum MIDIMetaEvent: Hashable, Sendable {
    /// Types 0x01...0x0F. The bytes are kept as stored (files use ASCII, Latin-1, UTF-8 or
    /// Shift-JIS); `text` decodes them for display.
    case text(kind: MIDITextKind, bytes: [UInt8])
    case endOfTrack
    case tempo(Tempo)
    case timeSignature(MIDITimeSignature)
    /// Key signature: -7...7 (flats negative, sharps positive), and minor or major.
    case keySignature(sharps: Int8, isMinor: Bool)
    /// Type 0x7F, manufacturer data (Yamaha writes XF and style data here).
    case sequencerSpecific([UInt8])
    case unknown(type: UInt8, data: [UInt8])

    /// A text event from a string, stored as UTF-8.
    public static func text(_ kind: MIDITextKind, _ string: String) -> MIDIMetaEvent {
        .text(kind: kind, bytes: Array(string.utf8))
    }

    public static func trackName(_ name: String) -> MIDIMetaEvent { .text(.trackName, name) }
    public static func marker(_ name: String) -> MIDIMetaEvent { .text(.marker, name) }

    /// The type byte as stored after 0xFF.
    public var type: UInt8 {
        switch self {
        case .text(let kind, _): kind.rawValue
        case .endOfTrack: 0x2F
        case .tempo: 0x51
        case .timeSignature: 0x58
        case .keySignature: 0x59
        case .sequencerSpecific: 0x7F
        case .unknown(let type, _): type
        }
    }

    /// The payload as stored after the length.
    public var data: [UInt8] {
        switch self {
        case .text(_, let bytes): return bytes
        case .endOfTrack: return []
        case .tempo(let tempo):
            let us = tempo.microsecondsPerQuarter
            return [UInt8((us >> 16) & 0xFF), UInt8((us >> 8) & 0xFF), UInt8(us & 0xFF)]
        case .timeSignature(let t):
            return [t.numerator, t.denominatorPower, t.clocksPerClick, t.thirtySecondsPerQuarter]
        case .keySignature(let sharps, let isMinor):
            return [UInt8(bitPattern: sharps), isMinor ? 1 : 0]
        case .sequencerSpecific(let bytes): return bytes
        case .unknown(_, let data): return data
        }
    }

    /// The text of a text event, decoded as UTF-8, or as Latin-1 when it is not valid UTF-8
    /// (so it never fails). Nil for other meta events.
    public var textValue: String? {
        guard case .text(_, let bytes) = self else { return nil }
        if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
    }

    /// The kind of a text event, nil for other meta events.
    public var textKind: MIDITextKind? {
        if case .text(let kind, _) = self { return kind }
        return nil
    }

    /// Builds the event from a type byte and payload as read from a file.
    /// Throws (with offset 0; the reader fills in the place) when a known type has the wrong
    /// length or an impossible value.
    static func decode(type: UInt8, data: [UInt8]) throws(MIDIFileError.Problem) -> MIDIMetaEvent {
        func expectLength(_ n: Int) throws(MIDIFileError.Problem) {
            guard data.count == n else { throw .badMetaLength(type: type, length: data.count, expected: n) }
        }
        switch type {
        case 0x01...0x0F:
            return .text(kind: MIDITextKind(rawValue: type)!, bytes: data)
        case 0x2F:
            try expectLength(0)
            return .endOfTrack
        case 0x51:
            try expectLength(3)
            let us = Int(data[0]) << 16 | Int(data[1]) << 8 | Int(data[2])
            guard let tempo = Tempo(microsecondsPerQuarter: us) else { throw .badTempo }
            return .tempo(tempo)
        case 0x58:
            try expectLength(4)
            return .timeSignature(
                MIDITimeSignature(
                    numerator: data[0], denominatorPower: data[1], clocksPerClick: data[2],
                    thirtySecondsPerQuarter: data[3]))
        case 0x59:
            try expectLength(2)
            // Only 0 and 1 mean something; keep anything else as stored.
            guard data[1] <= 1 else { return .unknown(type: type, data: data) }
            return .keySignature(sharps: Int8(bitPattern: data[0]), isMinor: data[1] != 0)
        case 0x7F:
            return .sequencerSpecific(data)
        default:
            return .unknown(type: type, data: data)
        }
    }
}
