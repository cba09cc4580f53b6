/// iReal's chord spelling into ours: `^` major seventh, `-` minor, `h` half-diminished,
/// `o` diminished; the rest ("7b9", "sus", "add9", "alt") is already common spelling.
enum IRealChordTranslator {
    static func symbolText(root: String, quality: String, bass: String?) -> String {
        var q = quality
        if q.hasPrefix("-^") { q = "m(maj" + q.dropFirst(2) + ")" }
        if q.contains("^") {
            q = q.replacing("^", with: "maj")
            if q == "maj" { q = "maj7" }
        }
        if q.hasPrefix("-") { q = "m" + q.dropFirst() }
        if q.hasPrefix("h") { q = q == "h" || q == "h7" ? "m7b5" : "ø" + q.dropFirst() }
        if q == "o" { q = "dim" }
        if q.hasPrefix("o"), q.count > 1 { q = "dim" + q.dropFirst() }
        q = q.replacing("m(maj)", with: "m(maj7)")
        return root + q + (bass.map { "/" + $0 } ?? "")
    }

    /// The symbol, or the nearest one the table can play (alterations dropped from the end,
    /// then the bare triad), with a flag telling whether it had to be simplified.
    static func playable(_ text: String) -> (ChordSymbol, exact: Bool) {
        if let symbol = try? ChordSymbol.parse(text) { return (symbol, true) }
        guard let (_, rest) = PitchClass.parsePrefix(text) else { return (ChordSymbol(nil), false) }
        let rootText = String(text[..<rest.startIndex])
        var quality = String(rest)
        var bass = ""
        if let slash = quality.lastIndex(of: "/") {
            bass = String(quality[slash...])
            quality = String(quality[..<slash])
        }
        while !quality.isEmpty {
            quality.removeLast()
            for candidate in [rootText + quality + bass, rootText + quality] {
                if let symbol = try? ChordSymbol.parse(candidate) { return (symbol, false) }
            }
        }
        if let symbol = try? ChordSymbol.parse(rootText) { return (symbol, false) }
        return (ChordSymbol(nil), false)
    }
}
