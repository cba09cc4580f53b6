import TOMLKit

/// Reads one TOML table of the configuration: typed, range-checked values, each failure a
/// ConfigError that names the file, the line and the dotted key. Keys it was not asked for
/// are reported by `finish()`, so that a misspelt key is an error rather than silently ignored.
struct ConfigTableReader {
    let table: TOMLTable
    let path: [String]
    let file: String
    let locator: TOMLKeyLocator
    private var asked: Set<String> = []

    init(table: TOMLTable, path: [String], file: String, locator: TOMLKeyLocator) {
        self.table = table
        self.path = path
        self.file = file
        self.locator = locator
    }

    func error(_ key: String?, _ message: String) -> ConfigError {
        let full = path + (key.map { [$0] } ?? [])
        return ConfigError(file: file, line: locator.line(of: full), key: full.joined(separator: "."), message: message)
    }

    private mutating func value(_ key: String) -> TOMLValueConvertible? {
        asked.insert(key)
        return table[key]
    }

    private func typeName(_ v: TOMLValueConvertible) -> String {
        switch v.type {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "true/false"
        case .table: "a table"
        case .array: "an array"
        default: "a date/time"
        }
    }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        guard let v = value(key) else { return nil }
        guard let s = v.string else { throw error(key, "must be a string, not \(typeName(v))") }
        return s
    }

    mutating func string(_ key: String, oneOf choices: [String]) throws(ConfigError) -> String? {
        guard let s = try string(key) else { return nil }
        guard choices.contains(s) else {
            throw error(key, "must be one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(s)\"")
        }
        return s
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.bool else { throw error(key, "must be true or false, not \(typeName(v))") }
        return b
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let v = value(key) else { return nil }
        guard let i = v.int else { throw error(key, "must be an integer, not \(typeName(v))") }
        guard range.contains(i) else { throw error(key, "must be \(range.lowerBound)…\(range.upperBound), not \(i)") }
        return i
    }

    mutating func double(_ key: String, in range: ClosedRange<Double>) throws(ConfigError) -> Double? {
        guard let v = value(key) else { return nil }
        guard let d = v.double ?? v.int.map(Double.init) else { throw error(key, "must be a number, not \(typeName(v))") }
        guard range.contains(d) else { throw error(key, "must be \(range.lowerBound)…\(range.upperBound), not \(d)") }
        return d
    }

    /// A string or an array of strings (a single string stands for a one-element array).
    mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let v = value(key) else { return nil }
        if let s = v.string { return [s] }
        guard let array = v.array else { throw error(key, "must be a string or an array of strings, not \(typeName(v))") }
        var result: [String] = []
        for element in array {
            guard let s = element.string else { throw error(key, "must hold strings only, not \(typeName(element))") }
            result.append(s)
        }
        return result
    }

    mutating func table(_ key: String) throws(ConfigError) -> ConfigTableReader? {
        guard let v = value(key) else { return nil }
        guard let t = v.table else { throw error(key, "must be a table ([\((path + [key]).joined(separator: "."))]), not \(typeName(v))") }
        return ConfigTableReader(table: t, path: path + [key], file: file, locator: locator)
    }

    /// Every key of the table, for tables whose keys are data (the control map).
    mutating func allKeys() -> [String] {
        let keys = table.keys
        asked.formUnion(keys)
        return keys
    }

    /// Fails on the first key nobody asked for (in file order).
    func finish() throws(ConfigError) {
        let unknown = table.keys.filter { !asked.contains($0) }
        guard !unknown.isEmpty else { return }
        let first = unknown.min { (locator.line(of: path + [$0]) ?? 0) < (locator.line(of: path + [$1]) ?? 0) }!
        throw error(first, "unknown key")
    }
}
