extension SidemanConfig {
    /// TOML allows no control character but tab (and a CR before a newline) anywhere in a file;
    /// the TOML library aborts the whole process on some of them (a `[\u{17}audio]` header trips
    /// an assertion that stays on in release builds), and a reload must never do that to the
    /// running band. So they are refused here first, with the line they are on.
    static func refuseControlCharacters(in text: String, file: String) throws(ConfigError) {
        var line = 1
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" {
                line += 1
                continue
            }
            if previous == "\r" {
                throw ConfigError(file: file, line: line, key: nil, message: "a carriage return (CR) not followed by a newline")
            }
            let value = scalar.value
            guard value < 0x20 || value == 0x7F, scalar != "\t", scalar != "\r" else { continue }
            let hex = String(value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw ConfigError(file: file, line: line, key: nil, message: "control character \(code) is not allowed in TOML")
        }
        if previous == "\r" {
            throw ConfigError(file: file, line: line, key: nil, message: "a carriage return (CR) not followed by a newline")
        }
        try refuseBadTableHeaders(in: text, file: file)
        if let bad = TOMLArrayItemScanner.firstBadItem(in: text) {
            throw ConfigError(file: file, line: bad.line, key: nil, message: "an array item cannot start with \(bad.character)")
        }
    }

    /// The TOML library also aborts on a table header whose name does not start with a key
    /// character or a quote (`[`, `[/etc]`, `[[[x]]]`); such a line is never valid TOML.
    /// The library skips a byte-order mark at the start of the file, so the first line is
    /// read past one too (editors on Windows write it).
    static func refuseBadTableHeaders(in text: String, file: String) throws(ConfigError) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let unmarked = index == 0 && raw.unicodeScalars.first == "\u{FEFF}" ? raw.dropFirst() : raw[...]
            let line = unmarked.drop { $0 == " " || $0 == "\t" }
            guard line.first == "[" else { continue }
            // `[name]` or `[[name]]`: a third bracket (`[[[`) is no name either.
            let name = line.dropFirst(line.hasPrefix("[[") ? 2 : 1).drop { $0 == " " || $0 == "\t" }
            guard let first = name.first else {
                throw ConfigError(file: file, line: index + 1, key: nil, message: "a table header without a name")
            }
            guard first.isASCII && (first.isLetter || first.isNumber || first == "_" || first == "-" || first == "\"" || first == "'") else {
                throw ConfigError(file: file, line: index + 1, key: nil, message: "a table name cannot start with '\(first)'")
            }
        }
    }
}
