import Hummingbird
import HummingbirdAuth
import HummingbirdWebSocket
import Logging
import NIOCore

/// A logged-in browser (only with `[web] password`).
public struct RemoteSession: Codable, Sendable {
    public var since: Double
}
