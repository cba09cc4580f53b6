/// Why the control socket cannot be served or reached: one line naming the socket.
public struct ControlSocketError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
