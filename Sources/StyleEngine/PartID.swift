import MusicCore

/// The eight accompaniment parts of an arranger style, in Yamaha's order. The raw value is
/// the zero-based MIDI channel the part plays on (Yamaha's layout: rhythm 1 on channel 9 ...
/// phrase 2 on channel 16, counted from one).
public enum PartID: Int, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    case rhythm1 = 8
    case rhythm2 = 9
    case bass = 10
    case chord1 = 11
    case chord2 = 12
    case pad = 13
    case phrase1 = 14
    case phrase2 = 15

    public var channel: MIDIChannel { MIDIChannel(rawValue: UInt8(rawValue))! }

    public var isRhythm: Bool { self == .rhythm1 || self == .rhythm2 }

    /// The key used in style files and the command line: "rhythm1", "bass", "chord2" ...
    public var key: String {
        switch self {
        case .rhythm1: "rhythm1"
        case .rhythm2: "rhythm2"
        case .bass: "bass"
        case .chord1: "chord1"
        case .chord2: "chord2"
        case .pad: "pad"
        case .phrase1: "phrase1"
        case .phrase2: "phrase2"
        }
    }

    public init?(key: some StringProtocol) {
        let k = key.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
        guard let match = PartID.allCases.first(where: { $0.key == k }) else { return nil }
        self = match
    }

    public var description: String {
        switch self {
        case .rhythm1: "Rhythm 1"
        case .rhythm2: "Rhythm 2"
        case .bass: "Bass"
        case .chord1: "Chord 1"
        case .chord2: "Chord 2"
        case .pad: "Pad"
        case .phrase1: "Phrase 1"
        case .phrase2: "Phrase 2"
        }
    }

    public static func < (a: PartID, b: PartID) -> Bool { a.rawValue < b.rawValue }
}
