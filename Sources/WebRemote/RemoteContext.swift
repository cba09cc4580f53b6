import Hummingbird
import HummingbirdAuth
import HummingbirdWebSocket
import Logging
import NIOCore

/// One request's context: where it came from (for the address filter), its login session and
/// the WebSocket upgrade slot. Bodies are capped small: every request the page sends is a
/// line of JSON or a login form.
public struct RemoteContext: RequestContext, RemoteAddressRequestContext, SessionRequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public let sessions: SessionContext<RemoteSession>
    public let webSocket: WebSocketHandlerReference<RemoteContext>

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        sessions = .init()
        webSocket = .init()
    }

    /// A context for a request handed in without a connection (in-process callers, tests).
    public init(remoteAddress: SocketAddress?, logger: Logger) {
        coreContext = .init(source: DetachedSource(logger: logger))
        self.remoteAddress = remoteAddress
        sessions = .init()
        webSocket = .init()
    }

    public var maxUploadSize: Int { WebLimits.maxBody }
}

private struct DetachedSource: RequestContextSource {
    let logger: Logger
}
