/// Reads the quality part of a chord symbol (the text after the root and before a slash
/// bass) into `ChordSymbolQuality`. Symbols are read left to right: a quality word (m, maj,
/// Δ, dim, o, aug, +, ø), the chord's number (5, 6, 69, 6/9, 7, 9, 11, 13), then any
/// modifiers: alterations (b9, #11, +5, -9), parenthesised extensions, add, sus, alt.
struct ChordSymbolQualityParser {
    struct Failure: Error {
        /// Empty: a generic "cannot read" message is used.
        let reason: String
    }

    private let chars: [Character]
    private var index = 0
    private var quality = ChordSymbolQuality()
    private var majorMark = false
    private var deltaMark = false

    private init(_ text: Substring) { chars = Array(text) }

    static func parse(_ text: Substring) throws(Failure) -> ChordSymbolQuality {
        let compact = text.filter { $0 != " " }
        switch compact {
        case "1+8", "(1+8)", "1":
            var q = ChordSymbolQuality()
            q.octaveOnly = true
            return q
        case "1+5", "(1+5)":
            var q = ChordSymbolQuality()
            q.triad = .power
            return q
        case "1+2+5", "(1+2+5)":
            var q = ChordSymbolQuality()
            q.suspension = 2
            return q
        default:
            var parser = ChordSymbolQualityParser(text)
            try parser.run()
            return parser.quality
        }
    }

    private var atEnd: Bool { index >= chars.count }

    private mutating func consume(_ options: String...) -> Bool {
        for option in options {
            let o = Array(option)
            if index + o.count <= chars.count && Array(chars[index..<index + o.count]) == o {
                index += o.count
                return true
            }
        }
        return false
    }

    private mutating func number() -> Int? {
        var value: Int? = nil
        while index < chars.count, let d = chars[index].wholeNumberValue, chars[index].isASCII {
            value = (value ?? 0) * 10 + d
            index += 1
        }
        return value
    }

    private func unexpected() -> Failure {
        Failure(reason: "unexpected \"\(String(chars[index...]))\"")
    }

    private mutating func consumeMajorWord() -> Bool {
        if consume("maj", "Maj", "MAJ", "M") { return true }
        if consume("Δ", "∆", "^") {
            deltaMark = true
            return true
        }
        return false
    }

    private mutating func run() throws(Failure) {
        // Not parentheses: C(9) is an added ninth, not a ninth chord.
        while !atEnd, chars[index] == " " { index += 1 }
        // Quality word.
        if consumeMajorWord() {
            majorMark = true
        } else if consume("min", "mi", "m", "-") {
            quality.triad = .minor
            if consumeMajorWord() { majorMark = true }
        } else if consume("dim", "o", "°", "º") {
            quality.triad = .diminished
        } else if consume("aug", "+") {
            quality.triad = .augmented
        } else if consume("ø", "Ø") {
            quality.triad = .halfDiminished
        }
        // The chord's number.
        if let n = number() {
            try applyMainNumber(n)
        } else if majorMark && (deltaMark || quality.triad == .minor) {
            // CΔ is a major seventh; CmM / Cm(maj) a minor-major seventh. Cmaj / CM alone is a
            // major triad.
            quality.seventh = .major
        }
        try readModifiers()
        if quality.triad == .halfDiminished && quality.seventh == .none { quality.seventh = .minor }
    }

    private mutating func applyMainNumber(_ n: Int) throws(Failure) {
        switch n {
        case 5 where quality.triad == .major && !majorMark:
            quality.triad = .power
        case 6:
            quality.sixth = true
            if consume("/9") { quality.extensions.append(9) }
        case 69:
            quality.sixth = true
            quality.extensions.append(9)
        case 7:
            quality.seventh = majorMark ? .major : .minor
        case 9, 11, 13:
            quality.seventh = majorMark ? .major : .minor
            quality.extensions.append(n)
        default:
            throw Failure(reason: "unexpected number \(n)")
        }
    }

    private mutating func skipSeparators() {
        while !atEnd, [" ", "(", ")", ",", "/"].contains(chars[index]) { index += 1 }
    }

    private mutating func readModifiers() throws(Failure) {
        while true {
            skipSeparators()
            if atEnd { return }
            if consume("add") {
                let flatOrSharp = consume("b", "#", "♭", "♯")
                guard !flatOrSharp, let n = number(), [2, 4, 6, 9, 11, 13].contains(n) else {
                    throw Failure(reason: "cannot read the added tone")
                }
                switch n {
                case 2, 9: quality.added.append(9)
                case 4, 11: quality.added.append(11)
                default: quality.sixth = true
                }
            } else if consume("sus") {
                let n = number() ?? 4
                guard n == 2 || n == 4 else { throw Failure(reason: "sus\(n) is not a suspension (sus2 or sus4)") }
                quality.suspension = n
            } else if consume("alt") {
                quality.altered = true
                if quality.seventh == .none { quality.seventh = .minor }
            } else if consume("aug") {
                quality.alterations.insert("#5")
            } else if consumeMajorWord() {
                // Cm(maj7), Cm7(maj9) style: the major seventh written after the quality.
                let n = number() ?? 7
                guard [7, 9, 11, 13].contains(n) else { throw Failure(reason: "unexpected number \(n) after maj") }
                quality.seventh = .major
                if n > 7 { quality.extensions.append(n) }
            } else if let sign = accidental() {
                guard let n = number() else { throw unexpectedOrEnd(sign) }
                guard let alteration = Self.alteration(sign: sign, number: n) else {
                    throw Failure(reason: "\(sign)\(n) is not a chord alteration")
                }
                quality.alterations.insert(alteration)
            } else if let n = number() {
                switch n {
                case 9, 11, 13: quality.extensions.append(n)
                case 6: quality.sixth = true
                case 7 where quality.seventh == .none: quality.seventh = .minor
                default: throw Failure(reason: "unexpected number \(n)")
                }
            } else {
                throw unexpected()
            }
        }
    }

    private func unexpectedOrEnd(_ sign: Character) -> Failure {
        atEnd ? Failure(reason: "\"\(sign)\" at the end needs a number") : unexpected()
    }

    /// "#", "♯", "+" raise; "b", "♭", "-" lower. Returns "#" or "b".
    private mutating func accidental() -> Character? {
        if consume("#", "♯", "+") { return "#" }
        if consume("b", "♭", "-") { return "b" }
        return nil
    }

    private static func alteration(sign: Character, number: Int) -> String? {
        switch (sign, number) {
        case ("b", 5): "b5"
        case ("#", 5): "#5"
        case ("b", 9): "b9"
        case ("#", 9): "#9"
        case ("#", 11), ("#", 4): "#11"
        case ("b", 13), ("b", 6): "b13"
        default: nil
        }
    }
}
