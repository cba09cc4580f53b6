/// A problem in a style text file. Its description is one line a musician can act on:
/// `styles/foo.style:42: unknown drum 'kik' (expected one of kick, snare, …)`.
public struct StyleParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name the caller gave the parser (used only in messages).
    public var file: String
    /// One-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
