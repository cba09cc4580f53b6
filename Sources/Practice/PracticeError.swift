/// Why a song cannot be practised with the settings asked for, as one line.
public struct PracticeError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
