/// A configuration file that cannot be used: one line naming the file, the line, the key and
/// what is wrong, e.g. "/etc/sideman/sideman.toml:12: keyboard.split_point: must be 0…127, not 200".
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the key is not written in the file.
    public var line: Int?
    /// Dotted key path; nil for syntax errors.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return key.map { "\(place): \($0): \(message)" } ?? "\(place): \(message)"
    }
}
