/// Whose chord symbols are shown: concert pitch, or written for a B♭ (trumpet, tenor sax,
/// clarinet), E♭ (alto and baritone sax) or F (horn) instrument. Only the display moves.
public enum TransposingInstrument: String, Hashable, Sendable, CaseIterable {
    case concert = "C"
    case bFlat = "Bb"
    case eFlat = "Eb"
    case f = "F"

    /// Semitones from concert pitch up to the written pitch (mod 12).
    public var semitones: Int {
        switch self {
        case .concert: 0
        case .bFlat: 2
        case .eFlat: 9
        case .f: 7
        }
    }

    /// "C", "Bb", "Eb", "F" (any case; "concert" too).
    public init?(name: String) {
        switch name.lowercased() {
        case "c", "concert": self = .concert
        case "bb", "b-flat", "bflat": self = .bFlat
        case "eb", "e-flat", "eflat": self = .eFlat
        case "f": self = .f
        default: return nil
        }
    }
}
