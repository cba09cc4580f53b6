/// Finds, in TOML text, an array item that starts with a character the TOML library asserts
/// can never start one: `}` (`start = [}`) or a Unicode line or paragraph separator (U+2028,
/// U+2029, U+0085), met right after `[` or `,` past blanks and comments. The library aborts
/// the process there (its assertions stay on in release builds) instead of failing the parse.
///
/// It walks the text as the library does, far enough to tell values from table headers:
/// strings (basic, literal, multi-line) and comments are skipped whole, and `[` opens an array
/// unless it starts a line outside any value. Valid TOML never has such an item, so no valid
/// file is refused. At the first thing it cannot follow (an unclosed string, a bracket that
/// closes the wrong one) it stops: the library fails there first, with its own message.
struct TOMLArrayItemScanner {
    /// Where the bad item starts, and the character found there as a message shows it.
    struct Finding: Equatable {
        var line: Int
        var character: String
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func firstBadItem(in text: String) -> Finding? {
        var scanner = TOMLArrayItemScanner(text)
        return scanner.scan()
    }

    private static func isLineSeparator(_ c: Unicode.Scalar) -> Bool {
        c == "\u{2028}" || c == "\u{2029}" || c == "\u{85}"
    }

    private mutating func scan() -> Finding? {
        var open: [Unicode.Scalar] = []  // "[" of arrays and "{" of inline tables, innermost last
        var atLineStart = true
        var expectingItem = false
        while index < scalars.count {
            let c = scalars[index]
            switch c {
            case "\n":
                line += 1
                atLineStart = true
                index += 1
                continue
            case " ", "\t", "\r":
                index += 1
                continue
            case "#":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            default:
                break
            }
            if expectingItem {
                expectingItem = false
                if c == "}" { return Finding(line: line, character: "'}'") }
                if Self.isLineSeparator(c) {
                    let hex = String(c.value, radix: 16, uppercase: true)
                    return Finding(line: line, character: "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
                }
            }
            let startsLine = atLineStart
            atLineStart = false
            switch c {
            case "\"", "'":
                guard skipString(quote: c) else { return nil }
                continue
            case "[" where open.isEmpty && startsLine:
                // A table header: its own brackets are no array.
                index += index + 1 < scalars.count && scalars[index + 1] == "[" ? 2 : 1
                continue
            case "[":
                open.append(c)
                expectingItem = true
            case "{":
                open.append(c)
            case "]" where !open.isEmpty:
                guard open.removeLast() == "[" else { return nil }
            case "}" where !open.isEmpty:
                guard open.removeLast() == "{" else { return nil }
            case "," where open.last == "[":
                expectingItem = true
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Moves past the string starting at `index`; false if it does not end as TOML says.
    private mutating func skipString(quote: Unicode.Scalar) -> Bool {
        let escapes = quote == "\""
        if isTriple(quote, at: index) {
            index += 3
            while index < scalars.count {
                let c = scalars[index]
                if escapes, c == "\\" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\n" { line += 1 }
                    index += 2
                    continue
                }
                if isTriple(quote, at: index) {
                    index += 3
                    // Up to two more quotes belong to the string ("""a""""" is a"").
                    var extra = 0
                    while extra < 2, index < scalars.count, scalars[index] == quote {
                        index += 1
                        extra += 1
                    }
                    return true
                }
                if c == "\n" { line += 1 }
                index += 1
            }
            return false
        }
        index += 1
        while index < scalars.count {
            let c = scalars[index]
            if c == "\n" { return false }
            if escapes, c == "\\" {
                index += 2
                continue
            }
            index += 1
            if c == quote { return true }
        }
        return false
    }

    private func isTriple(_ quote: Unicode.Scalar, at i: Int) -> Bool {
        i + 2 < scalars.count && scalars[i] == quote && scalars[i + 1] == quote && scalars[i + 2] == quote
    }
}
