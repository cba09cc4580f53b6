import Foundation

/// Finds the line a key is written on, for error messages (TOMLKit reports lines for syntax
/// errors only). Understands [table] and [[array]] headers, dotted and quoted keys; good
/// enough to point at the line, not a TOML parser.
struct TOMLKeyLocator {
    private var entries: [(path: [String], line: Int)] = []

    init(text: String) {
        var table: [String] = []
        // "\r\n" is one Character, so a Windows file is split on it too.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = Self.splitKey(String(inner))
                entries.append((table, index + 1))
            } else if let eq = line.firstIndex(of: "=") {
                entries.append((table + Self.splitKey(String(line[..<eq])), index + 1))
            }
        }
    }

    /// The line of `path` ("keyboard", "split_point"), else of its nearest written parent.
    func line(of path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if let e = entries.first(where: { $0.path == p }) { return e.line }
            p.removeLast()
        }
        return nil
    }

    private static func splitKey(_ text: String) -> [String] {
        text.split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
    }
}
