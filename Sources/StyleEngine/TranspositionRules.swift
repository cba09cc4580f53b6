import MusicCore

/// How a part's written notes follow the chord being played: Yamaha's CASM model
/// (../docs and YAMAHA-SFF notes). The same rules drive our own styles and imported ones.
public struct TranspositionRules: Hashable, Sendable {
    /// The chord the pattern was written on (usually CMaj7).
    public var sourceChord: Chord
    /// Note Transposition Table: how each written note maps onto the new chord.
    public var table: NoteTable
    /// Note Transposition Rule: transpose with the root, or keep the written register.
    public var rootRule: RootRule
    /// Notes outside this range are folded back in by octaves.
    public var lowLimit: UInt7
    public var highLimit: UInt7
    /// What happens to a note still sounding when the chord changes.
    public var retrigger: RetriggerRule
    /// SFF2 "bass on": the slash bass replaces the root in the melody/minor tables.
    public var bassOn: Bool
    /// Chord roots this source plays on (bit n = pitch class n); all by default.
    public var rootMask: UInt16
    /// Chord types this source plays on (bit n = Yamaha type code n); all by default.
    /// Imported Yamaha tables may also set bit 34 (`ChordType.cancelCode`): the source plays
    /// while no chord is held (rhythm channels, a crash on the first beat).
    public var typeMask: UInt64

    public static let allRoots: UInt16 = 0x0FFF
    public static let allTypes: UInt64 = (1 << 34) - 1

    public init(
        sourceChord: Chord = Chord(root: .c, type: .major7),
        table: NoteTable = .chord,
        rootRule: RootRule = .transpose(highKey: .fSharp),
        lowLimit: UInt7 = 0,
        highLimit: UInt7 = 127,
        retrigger: RetriggerRule = .pitchShift,
        bassOn: Bool = false,
        rootMask: UInt16 = TranspositionRules.allRoots,
        typeMask: UInt64 = TranspositionRules.allTypes
    ) {
        self.sourceChord = sourceChord
        self.table = table
        self.rootRule = rootRule
        self.lowLimit = lowLimit
        self.highLimit = highLimit
        self.retrigger = retrigger
        self.bassOn = bassOn
        self.rootMask = rootMask
        self.typeMask = typeMask
    }

    /// Drums and other untransposed parts: bypass, root fixed, full range.
    public static let drums = TranspositionRules(table: .bypass, rootRule: .fixed, retrigger: .stop)

    /// Whether this source plays at all under `chord` (Yamaha's root and type masks).
    public func plays(on chord: Chord) -> Bool {
        rootMask & (1 << UInt16(chord.root.rawValue)) != 0 && typeMask & (1 << UInt64(chord.type.rawValue)) != 0
    }
}
