extension ChordSymbol {
    /// Spellings of "no chord".
    static let noChordSpellings: Set<String> = ["NC", "N.C.", "N.C", "NC.", "N/C", "NOCHORD", "NO CHORD"]

    /// Parses what musicians write: a root (C, Bb, F#, D♭), a quality in any common spelling
    /// (m, -, min, mi; maj7, M7, Δ; ø; o, °, dim; +, aug; sus, sus2, sus4; 6/9, 69; add9,
    /// (add9), (9); 7b9, 7(#9), 7+5, 7alt; 13, Cm7(11) ...), an optional slash bass ("C/E"),
    /// or NC / N.C. for no chord. Yamaha's own names (CM7, C(9), CM7aug, C1+8, C1+2+5) read
    /// too. The quality is reduced to a playable type through `mappings`.
    /// Throws a `ChordSymbolError` naming the symbol and what could not be read.
    public static func parse(_ input: some StringProtocol) throws(ChordSymbolError) -> ChordSymbol {
        let text = String(input.trimmingSpaces)
        func fail(_ reason: String) -> ChordSymbolError { ChordSymbolError(symbol: text, reason: reason) }

        if noChordSpellings.contains(text.uppercased()) {
            return ChordSymbol(text: text, chord: nil, quality: nil)
        }
        guard !text.isEmpty else { throw fail("empty symbol") }
        guard let (root, afterRoot) = PitchClass.parsePrefix(text) else {
            throw fail("it does not start with a note name (A to G)")
        }
        let rootText = String(text[..<afterRoot.startIndex])

        // A slash bass is a note name after the last "/": C/E, Cm7/Bb (but not C6/9).
        var qualityText = Substring(afterRoot)
        var bass: PitchClass? = nil
        if let slash = afterRoot.lastIndex(of: "/") {
            let candidate = afterRoot[afterRoot.index(after: slash)...].trimmingSpaces
            if let note = PitchClass(name: candidate) {
                bass = note
                qualityText = afterRoot[..<slash]
            } else if candidate.first.map({ "ABCDEFG".contains($0) }) == true {
                throw fail("\"\(candidate)\" after the slash is not a bass note")
            }
        }

        var quality: ChordSymbolQuality
        do {
            quality = try ChordSymbolQualityParser.parse(qualityText)
        } catch {
            throw fail(error.reason.isEmpty ? "cannot read \"\(qualityText)\" after \"\(rootText)\"" : error.reason + " after \"\(rootText)\"")
        }
        let normalized = quality.normalized
        guard let mapping = mapping(for: normalized) else {
            throw fail("no playable chord type for \"\(normalized)\" (see docs/chord-symbols.md)")
        }
        let chord = Chord(root: root, type: mapping.type, bass: bass)
        return ChordSymbol(text: text, chord: chord, quality: normalized)
    }

    init(text: String, chord: Chord?, quality: String?) {
        self.text = text
        self.chord = chord
        self.quality = quality
    }
}
