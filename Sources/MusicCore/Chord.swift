/// A chord as the arranger plays it: root, one of Yamaha's 34 types, and the bass note
/// (equal to the root unless it is a slash chord such as C/E).
public struct Chord: Hashable, Sendable, CustomStringConvertible {
    public var root: PitchClass
    public var type: ChordType
    public var bass: PitchClass

    public init(root: PitchClass, type: ChordType, bass: PitchClass? = nil) {
        self.root = root
        self.type = type
        self.bass = bass ?? root
    }

    public var isSlash: Bool { bass != root }

    /// Pitch classes of the chord (root, its type's tones, and the slash bass).
    public var pitchClasses: Set<PitchClass> {
        var set = Set(type.tones.map { root.transposed(by: $0) })
        set.insert(bass)
        return set
    }

    public func transposed(by semitones: Int) -> Chord {
        Chord(root: root.transposed(by: semitones), type: type, bass: bass.transposed(by: semitones))
    }

    /// The symbol in Sideman's spelling: "C7", "Bbm7b5", "C/E", "F#maj7".
    public var symbol: String {
        let base = root.description + type.symbolSuffix
        return isSlash ? base + "/" + bass.description : base
    }

    public var description: String { symbol }
}
