/// Yamaha's 34 Fingered chord types; the raw value is the byte code style files use
/// (CASM source chord, chord-type masks). Code 34 means "cancel" on the wire and is
/// modelled separately (`ChordType.cancelCode`).
public enum ChordType: Int, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    case major = 0
    case sixth = 1
    case major7 = 2
    case major7Sharp11 = 3
    case add9 = 4
    case major9 = 5
    case sixNine = 6
    case augmented = 7
    case minor = 8
    case minor6 = 9
    case minor7 = 10
    case minor7Flat5 = 11
    case minorAdd9 = 12
    case minor9 = 13
    case minor11 = 14
    case minorMajor7 = 15
    case minorMajor9 = 16
    case diminished = 17
    case diminished7 = 18
    case dominant7 = 19
    case sevenSus4 = 20
    case sevenFlat5 = 21
    case nine = 22
    case sevenSharp11 = 23
    case thirteen = 24
    case sevenFlat9 = 25
    case sevenFlat13 = 26
    case sevenSharp9 = 27
    case major7Sharp5 = 28
    case sevenSharp5 = 29
    case onePlusEight = 30
    case onePlusFive = 31
    case sus4 = 32
    case sus2 = 33

    /// The wire code for "no chord / cancel" (three adjacent keys; NC in charts).
    public static let cancelCode = 34

    public static func < (a: ChordType, b: ChordType) -> Bool { a.rawValue < b.rawValue }

    /// The name Yamaha's manuals and style tools print (the `typeName` of `sideman chord --json`).
    public var yamahaName: String {
        switch self {
        case .major: "Maj"
        case .sixth: "6"
        case .major7: "M7"
        case .major7Sharp11: "M7#11"
        case .add9: "(9)"
        case .major9: "M7(9)"
        case .sixNine: "6(9)"
        case .augmented: "aug"
        case .minor: "m"
        case .minor6: "m6"
        case .minor7: "m7"
        case .minor7Flat5: "m7b5"
        case .minorAdd9: "m(9)"
        case .minor9: "m7(9)"
        case .minor11: "m7(11)"
        case .minorMajor7: "mM7"
        case .minorMajor9: "mM7(9)"
        case .diminished: "dim"
        case .diminished7: "dim7"
        case .dominant7: "7"
        case .sevenSus4: "7sus4"
        case .sevenFlat5: "7b5"
        case .nine: "7(9)"
        case .sevenSharp11: "7#11"
        case .thirteen: "7(13)"
        case .sevenFlat9: "7(b9)"
        case .sevenFlat13: "7(b13)"
        case .sevenSharp9: "7(#9)"
        case .major7Sharp5: "M7aug"
        case .sevenSharp5: "7aug"
        case .onePlusEight: "1+8"
        case .onePlusFive: "1+5"
        case .sus4: "sus4"
        case .sus2: "sus2"
        }
    }

    /// The suffix Sideman prints after the root in a chord symbol (what a musician writes):
    /// C, C6, Cmaj7, Cm7b5, C7b9, C5 ... Parsing accepts many more spellings (ChordSymbol).
    public var symbolSuffix: String {
        switch self {
        case .major: ""
        case .sixth: "6"
        case .major7: "maj7"
        case .major7Sharp11: "maj7#11"
        case .add9: "add9"
        case .major9: "maj9"
        case .sixNine: "6/9"
        case .augmented: "aug"
        case .minor: "m"
        case .minor6: "m6"
        case .minor7: "m7"
        case .minor7Flat5: "m7b5"
        case .minorAdd9: "madd9"
        case .minor9: "m9"
        case .minor11: "m11"
        case .minorMajor7: "mM7"
        case .minorMajor9: "mM9"
        case .diminished: "dim"
        case .diminished7: "dim7"
        case .dominant7: "7"
        case .sevenSus4: "7sus4"
        case .sevenFlat5: "7b5"
        case .nine: "9"
        case .sevenSharp11: "7#11"
        case .thirteen: "13"
        case .sevenFlat9: "7b9"
        case .sevenFlat13: "7b13"
        case .sevenSharp9: "7#9"
        case .major7Sharp5: "maj7#5"
        case .sevenSharp5: "7#5"
        case .onePlusEight: "(1+8)"
        case .onePlusFive: "5"
        case .sus4: "sus4"
        case .sus2: "sus2"
        }
    }

    public var description: String { yamahaName }

    /// One accepted spelling of the type as semitones above the root: tones that must be
    /// played and tones that may be left out. Several forms mean "either" (M7: 0 4 (7) 11 or
    /// 0 (4) 7 11).
    public struct Form: Hashable, Sendable {
        public let required: Set<Int>
        public let optional: Set<Int>
        public var all: Set<Int> { required.union(optional) }
    }

    /// The forms of this type as Yamaha's "recognised standard chords" pages list them.
    public var forms: [Form] {
        func f(_ req: [Int], _ opt: [Int] = []) -> Form { Form(required: Set(req), optional: Set(opt)) }
        switch self {
        case .major: return [f([0, 4, 7])]
        case .sixth: return [f([0, 7, 9], [4])]
        case .major7: return [f([0, 4, 11], [7]), f([0, 7, 11], [4])]
        case .major7Sharp11: return [f([0, 4, 6, 7, 11], [2]), f([0, 2, 4, 6, 11], [7])]
        case .add9: return [f([0, 2, 4, 7])]
        case .major9: return [f([0, 2, 4, 11], [7])]
        case .sixNine: return [f([0, 2, 4, 9], [7])]
        case .augmented: return [f([0, 4, 8])]
        case .minor: return [f([0, 3, 7])]
        case .minor6: return [f([0, 3, 7, 9])]
        case .minor7: return [f([0, 3, 10], [7])]
        case .minor7Flat5: return [f([0, 3, 6, 10])]
        case .minorAdd9: return [f([0, 2, 3, 7])]
        case .minor9: return [f([0, 2, 3, 10], [7])]
        case .minor11: return [f([0, 3, 5, 7], [2, 10])]
        case .minorMajor7: return [f([0, 3, 11], [7])]
        case .minorMajor9: return [f([0, 2, 3, 11], [7])]
        case .diminished: return [f([0, 3, 6])]
        case .diminished7: return [f([0, 3, 6, 9])]
        case .dominant7: return [f([0, 4, 10], [7]), f([0, 7, 10], [4])]
        case .sevenSus4: return [f([0, 5, 10], [7])]
        case .sevenFlat5: return [f([0, 4, 6, 10])]
        case .nine: return [f([0, 2, 4, 10], [7])]
        case .sevenSharp11: return [f([0, 4, 6, 7, 10], [2]), f([0, 2, 4, 6, 10], [7])]
        case .thirteen: return [f([0, 4, 9, 10], [7])]
        case .sevenFlat9: return [f([0, 1, 4, 10], [7])]
        case .sevenFlat13: return [f([0, 4, 7, 8, 10])]
        case .sevenSharp9: return [f([0, 3, 4, 10], [7])]
        case .major7Sharp5: return [f([0, 8, 11], [4])]
        case .sevenSharp5: return [f([0, 4, 8, 10])]
        case .onePlusEight: return [f([0])]
        case .onePlusFive: return [f([0, 7])]
        case .sus4: return [f([0, 5, 7])]
        case .sus2: return [f([0, 2, 7])]
        }
    }

    /// Types Yamaha recognises only with the root as the lowest note ([R] in CHORDS.md).
    public var rootPositionOnly: Bool {
        switch self {
        case .sixth, .sixNine, .augmented, .minor6, .minor7, .minor7Flat5, .minor11, .diminished7,
            .sevenFlat5, .sus4, .sus2:
            return true
        default:
            return false
        }
    }

    /// 7sus4 may be inverted only when its fifth is played.
    public var inversionNeedsFifth: Bool { self == .sevenSus4 }

    /// The full set of tones (intervals above the root) that sound for this type: the first
    /// form with every optional tone. This is what the band plays for the chord.
    public var tones: [Int] { forms[0].all.sorted() }

    public var isMinor: Bool { tones.contains(3) && !tones.contains(4) }
}
