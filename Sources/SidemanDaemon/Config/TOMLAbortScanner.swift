/// Finds, in TOML text, what the TOML library asserts can never be there, and so aborts the
/// process on (its assertions stay on in release builds) instead of failing the parse:
/// - a table header whose name does not start with a key character or a quote (`[`, `[/x]`,
///   `[[[x]]]`, a `[` followed by a combining mark);
/// - an array item that starts with `}` or a Unicode line or paragraph separator (U+2028,
///   U+2029, U+0085), right after `[` or `,` past blanks and comments (`start = [}`);
/// - a value that starts with a digit, followed by a space and one digit that ends it
///   (`x = 2024-01-01 1`).
///
/// It walks Unicode scalars, as the library does (a `[` with a combining mark is one Swift
/// Character, yet two code points to the library), far enough to tell values from headers:
/// strings (basic, literal, multi-line) and comments are skipped whole, a byte-order mark
/// at the start is passed over, and `[` opens an array unless it starts a line outside any
/// value. Valid TOML has none of these, so no valid file is refused. At the first thing it
/// cannot follow (an unclosed string, a bracket that closes the wrong one) it stops: the
/// library fails there first, with its own message.
struct TOMLAbortScanner {
    /// The line, and what is wrong there in a few words.
    struct Finding: Equatable {
        var line: Int
        var message: String
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { index = 1 }
    }

    static func firstFinding(in text: String) -> Finding? {
        var scanner = TOMLAbortScanner(text)
        return scanner.scan()
    }

    private mutating func scan() -> Finding? {
        var open: [Unicode.Scalar] = []  // "[" of arrays and "{" of inline tables, innermost last
        var atLineStart = true
        var expectingItem = false  // after an array's `[` or `,`
        var expectingValue = false  // after a key's `=`
        while index < scalars.count {
            let c = scalars[index]
            switch c {
            case "\n":
                line += 1
                atLineStart = true
                if open.last != "[" { expectingValue = false }
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
                if c == "}" || c == "\u{2028}" || c == "\u{2029}" || c == "\u{85}" {
                    return Finding(line: line, message: "an array item cannot start with \(Self.shown(c))")
                }
            }
            if expectingItem || expectingValue {
                expectingItem = false
                expectingValue = false
                if let end = loneDigitAfterValue(startingAt: index) {
                    return Finding(line: line, message: "cannot read '\(text(index...end))' as a value (a date and time has two-digit hours)")
                }
            }
            let startsLine = atLineStart
            atLineStart = false
            switch c {
            case "\"", "'":
                guard skipString(quote: c) else { return nil }
                continue
            case "[" where open.isEmpty && startsLine:
                if let finding = checkHeader() { return finding }
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
            case "=" where open.isEmpty || open.last == "{":
                expectingValue = true
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// At a header's `[`: moves past `[` or `[[` and the blanks after it, and checks the
    /// name's first code point (the rest of the header is scanned as any text).
    private mutating func checkHeader() -> Finding? {
        index += index + 1 < scalars.count && scalars[index + 1] == "[" ? 2 : 1
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        guard index < scalars.count, !["\n", "\r", "]", "#"].contains(scalars[index]) else {
            return Finding(line: line, message: "a table header without a name")
        }
        let c = scalars[index]
        let keyStart = c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || ["_", "-", "\"", "'"].contains(c))
        return keyStart ? nil : Finding(line: line, message: "a table name cannot start with \(Self.shown(c))")
    }

    /// A value that starts with a digit and is followed by a space and one digit that ends
    /// it (`2024-01-01 1]`, `9609-11--é 0`, `960=-11--é 0`): the library takes ten characters
    /// with `-` as the 5th and 8th for a date, reads on past the space and the digit as the
    /// hours of a date and time, and asserts the next character is no value's end. Returns
    /// where that digit is. The value runs, as the library scans it, to its first terminator.
    /// Valid TOML never has it: a value is never followed by a space and a digit, and a time
    /// has two-digit hours.
    private func loneDigitAfterValue(startingAt start: Int) -> Int? {
        guard Self.isDigit(scalars[start]) else { return nil }
        var space = start
        while space < scalars.count, !Self.endsValue(scalars[space]) { space += 1 }
        guard space + 2 < scalars.count, scalars[space] == " ", Self.isDigit(scalars[space + 1]), Self.endsValue(scalars[space + 2])
        else { return nil }
        return space + 1
    }

    private func text(_ range: ClosedRange<Int>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[range])
        return String(text)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// The library's value terminators: whitespace (Unicode's too), `]`, `}`, `,` and `#`.
    private static func endsValue(_ c: Unicode.Scalar) -> Bool {
        if ["]", "}", ",", "#", " ", "\t"].contains(c) || ("\n"..."\r").contains(c) { return true }
        switch c.value {
        case 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// `'x'` for a printable ASCII character, else its code point (`U+2028`).
    private static func shown(_ c: Unicode.Scalar) -> String {
        if c.isASCII, c.value >= 0x20, c.value < 0x7F { return "'\(Character(c))'" }
        return codePoint(c)
    }

    /// `U+0017`, `U+2028`: how an error line names a character that does not print.
    static func codePoint(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
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
