import MusicCore

/// Moves a chord symbol's text to another key, keeping the way it was written ("Bbm7b5" up
/// a fourth is "Ebm7b5"): the root and slash bass are respelled, the quality is kept.
enum SymbolTransposer {
    /// Keys written with flats (the key's tonic as a major key, or the relative major).
    static func prefersFlats(_ key: ChartKey?) -> Bool {
        guard let key else { return true }
        let major = key.minor ? key.tonic.transposed(by: 3) : key.tonic
        // F, Bb, Eb, Ab, Db, Gb take flats; C, G, D, A, E, B take sharps.
        return [5, 10, 3, 8, 1, 6].contains(major.rawValue)
    }

    static func transpose(_ symbol: ChordSymbol, by semitones: Int, flats: Bool) -> String {
        guard semitones % 12 != 0, symbol.chord != nil else { return symbol.text }
        let text = symbol.text
        guard let (root, rest) = PitchClass.parsePrefix(text) else { return text }
        var quality = String(rest)
        var bass = ""
        if let slash = rest.lastIndex(of: "/"), let b = PitchClass(name: rest[rest.index(after: slash)...]) {
            quality = String(rest[..<slash])
            bass = "/" + b.transposed(by: semitones).name(preferringFlats: flats)
        }
        return root.transposed(by: semitones).name(preferringFlats: flats) + quality + bass
    }
}
