/// The server's limits, in one place.
enum WebLimits {
    /// Request bodies, bytes.
    static let maxBody = 16 * 1024
    /// WebSocket frames, bytes (the page sends none but pings).
    static let maxFrame = 4 * 1024
    /// A connection idle this long is closed.
    static let idleSeconds: Int64 = 60
    /// A login lasts this long.
    static let sessionHours = 12
}
