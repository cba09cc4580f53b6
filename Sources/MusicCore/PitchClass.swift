/// One of the twelve pitch classes, C = 0 ... B = 11. Spelling (Db vs C#) is a display
/// concern kept apart: see `PitchClass.name(preferringFlats:)`.
public struct PitchClass: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, CaseIterable
{
    public let rawValue: Int

    public init?(rawValue: Int) {
        guard (0..<12).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Any integer, reduced modulo 12 (negative values too).
    public init(wrapping value: Int) { self.rawValue = ((value % 12) + 12) % 12 }

    public init(integerLiteral value: Int) { self.init(wrapping: value) }

    public init(note: UInt7) { self.rawValue = Int(note.rawValue) % 12 }

    public static let allCases: [PitchClass] = (0..<12).map { PitchClass(wrapping: $0) }

    public static let c: PitchClass = 0, cSharp: PitchClass = 1, d: PitchClass = 2, eFlat: PitchClass = 3
    public static let e: PitchClass = 4, f: PitchClass = 5, fSharp: PitchClass = 6, g: PitchClass = 7
    public static let aFlat: PitchClass = 8, a: PitchClass = 9, bFlat: PitchClass = 10, b: PitchClass = 11

    public func transposed(by semitones: Int) -> PitchClass { PitchClass(wrapping: rawValue + semitones) }

    /// Semitones upward from `other` to `self`, 0...11.
    public func interval(from other: PitchClass) -> Int { (rawValue - other.rawValue + 12) % 12 }

    static let sharpNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
    static let flatNames = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"]
    /// The spelling arranger keyboards show by default: flats except F#.
    static let defaultNames = ["C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]

    public func name(preferringFlats: Bool) -> String {
        preferringFlats ? Self.flatNames[rawValue] : Self.sharpNames[rawValue]
    }

    public var description: String { Self.defaultNames[rawValue] }

    /// Parses a letter with any number of accidentals: C, c, C#, Db, D♭, F♯, Cb, B#, Ebb, F##.
    public init?(name: some StringProtocol) {
        guard let (pc, rest) = PitchClass.parsePrefix(name), rest.isEmpty else { return nil }
        self = pc
    }

    /// Parses a pitch-class name at the start of `text`; returns it and the remaining text.
    public static func parsePrefix<S: StringProtocol>(_ text: S) -> (PitchClass, S.SubSequence)? {
        var index = text.startIndex
        guard index < text.endIndex else { return nil }
        let base: Int
        switch text[index] {
        case "C", "c": base = 0
        case "D", "d": base = 2
        case "E", "e": base = 4
        case "F", "f": base = 5
        case "G", "g": base = 7
        case "A", "a": base = 9
        case "B", "b": base = 11
        default: return nil
        }
        index = text.index(after: index)
        var shift = 0
        while index < text.endIndex {
            let ch = text[index]
            if ch == "#" || ch == "♯" {
                shift += 1
            } else if ch == "b" || ch == "♭" {
                shift -= 1
            } else {
                break
            }
            index = text.index(after: index)
        }
        return (PitchClass(wrapping: base + shift), text[index...])
    }

    public static func < (a: PitchClass, b: PitchClass) -> Bool { a.rawValue < b.rawValue }
}
