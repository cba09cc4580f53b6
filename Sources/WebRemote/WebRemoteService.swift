import Hummingbird
import Logging
import ServiceLifecycle
import SidemanDaemon

/// The web remote as one service of the daemon's group: the server and the state publisher,
/// until the group shuts down. A port that cannot be opened is one warning: the band plays on.
public struct WebRemoteService: Service {
    public let server: WebRemoteServer

    public init(server: WebRemoteServer) { self.server = server }

    public func run() async throws {
        guard let (host, port) = server.settings.hostAndPort else { return }
        let app = server.application(host: host, port: port)
        server.logger.info(
            "web remote", metadata: ["listen": "\(server.settings.listen)", "page": "\(server.assets ?? "none: API only")"])
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await server.publisher.run() }
                do {
                    try await app.run()
                } catch {
                    server.logger.warning("no web remote on \(server.settings.listen): \(error)")
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            // Open event streams end, so their WebSockets close and the server stops at once.
            server.publisher.finishAll()
        }
    }
}
