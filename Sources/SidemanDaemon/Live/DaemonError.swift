/// Why the daemon cannot start: one line, naming the file or device concerned.
public struct DaemonError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
