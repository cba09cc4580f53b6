import Hummingbird
import HummingbirdWebSocket

extension WebRemoteServer {
    /// /api/events: the full state on connect, then every change (the publisher polls every
    /// 20 ms, so a change reaches the page within about 20 ms plus the network).
    func addEvents(to router: Router<RemoteContext>) {
        router.ws("api/events") { inbound, outbound, _ in
            let (id, stream) = publisher.subscribe()
            defer { publisher.unsubscribe(id) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The page sends nothing but pings; reading keeps the close handshake working.
                group.addTask { for try await _ in inbound {} }
                group.addTask {
                    for await json in stream { try await outbound.write(.text(json)) }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
