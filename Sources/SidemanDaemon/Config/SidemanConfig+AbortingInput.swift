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
            throw ConfigError(file: file, line: line, key: nil, message: "control character \(TOMLAbortScanner.codePoint(scalar)) is not allowed in TOML")
        }
        if previous == "\r" {
            throw ConfigError(file: file, line: line, key: nil, message: "a carriage return (CR) not followed by a newline")
        }
        if let finding = TOMLAbortScanner.firstFinding(in: text) {
            throw ConfigError(file: file, line: finding.line, key: nil, message: finding.message)
        }
    }
}
