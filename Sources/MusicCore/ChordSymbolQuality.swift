/// The parts of a written chord quality, read from the text after the root: the triad, the
/// sixth or seventh, the highest natural extension, alterations, added tones, suspension.
/// `normalized` turns them into the key of `ChordSymbol.mappings`.
struct ChordSymbolQuality: Sendable {
    enum Triad: Sendable { case major, minor, diminished, augmented, halfDiminished, power }
    enum Seventh: Sendable { case none, minor, major }

    var triad: Triad = .major
    var seventh: Seventh = .none
    var sixth = false
    /// Natural 9, 11 or 13 written as the chord's number or in parentheses.
    var extensions: [Int] = []
    /// Written with "add" (add2 = add9, add4 = add11).
    var added: [Int] = []
    /// "b5", "#5", "b9", "#9", "#11", "b13".
    var alterations: Set<String> = []
    /// 4 or 2.
    var suspension: Int? = nil
    var altered = false
    /// Yamaha's one-key shape (C1+8).
    var octaveOnly = false

    static let alterationOrder = ["b5", "#5", "b9", "#9", "#11", "b13"]

    /// The normalized quality: "m7b5", "7#5#9", "6/9", "maj9#11", "9sus4", "madd9" ...
    var normalized: String {
        if octaveOnly { return "1+8" }
        if triad == .power { return "5" + rest(alterations) }
        var alterations = alterations
        var seventh = seventh
        var minor = false
        switch triad {
        case .diminished:
            // In "dim7" / "o7" the 7 is the diminished seventh.
            let base = seventh == .none ? "dim" : (seventh == .minor ? "dim7" : "dimM7")
            alterations.remove("b5")
            return base + rest(alterations)
        case .halfDiminished:
            minor = true
            alterations.insert("b5")
            if seventh == .none { seventh = .minor }
        case .augmented:
            alterations.insert("#5")
        case .minor:
            minor = true
        case .major, .power:
            break
        }
        var naturals = extensions
        var adds = added
        if seventh != .none {
            // With a seventh, an added tone is just another extension: Cm7add11 = Cm7(11).
            naturals += adds
            adds = []
        }
        let highest = naturals.max()
        var core: String
        switch seventh {
        case .none:
            if sixth {
                let nine = naturals.contains(9) || adds.contains(9)
                adds.removeAll { $0 == 9 }
                core = nine ? "6/9" : "6"
            } else {
                core = ""
                adds += naturals
            }
        case .minor:
            core = highest.map(String.init) ?? "7"
        case .major:
            core = (minor ? "M" : "maj") + String(highest ?? 7)
        }
        var text = (minor ? "m" : "") + core + rest(alterations)
        for n in Set(adds).sorted() { text += "add\(n)" }
        if let suspension { text += "sus\(suspension)" }
        if altered { text += "alt" }
        return text == "#5" ? "aug" : text
    }

    private func rest(_ alterations: Set<String>) -> String {
        Self.alterationOrder.filter(alterations.contains).joined()
    }
}
