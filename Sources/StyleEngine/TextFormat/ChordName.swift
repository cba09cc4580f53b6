import MusicCore

/// Reads the chord names a style file uses for its source chord ("CMaj7", "Cm7", "C7", "C"),
/// and the chord-type names of `when` clauses ("m7", "7", "M7", "m7b5").
enum ChordName {
    /// Extra spellings beyond Yamaha's and Sideman's own (`yamahaName`, `symbolSuffix`).
    private static let aliases: [String: ChordType] = [
        "maj": .major, "Maj": .major, "M": .major, "Maj7": .major7, "Δ7": .major7, "Δ": .major7,
        "min": .minor, "-": .minor, "min7": .minor7, "-7": .minor7, "min6": .minor6, "ø": .minor7Flat5,
        "dim": .diminished, "°": .diminished, "o": .diminished, "o7": .diminished7, "dom7": .dominant7,
        "Maj9": .major9, "M9": .major9, "add2": .add9, "6/9": .sixNine, "69": .sixNine, "m(9)": .minorAdd9,
    ]

    static func type(_ suffix: some StringProtocol) -> ChordType? {
        let s = String(suffix)
        if let t = ChordType.allCases.first(where: { $0.yamahaName == s || $0.symbolSuffix == s }) { return t }
        return aliases[s]
    }

    static func parse(_ text: some StringProtocol) -> Chord? {
        guard let (root, rest) = PitchClass.parsePrefix(text), let type = type(rest) else { return nil }
        return Chord(root: root, type: type)
    }
}
