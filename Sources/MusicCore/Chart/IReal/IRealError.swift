/// Why an iReal Pro link could not be read, as one line.
public struct IRealError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
