import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import HummingbirdWebSocket
import Logging
import SidemanDaemon
import Synchronization
import Testing
import WebRemote

@Suite struct StatePublisherTests {
    @Test func aChangeIsNumberedAndSentToSubscribers() async throws {
        let backend = FakeBackend()
        let publisher = StatePublisher(backend: backend)
        let (id, stream) = publisher.subscribe()
        var iterator = stream.makeAsyncIterator()
        let first = try #require(await iterator.next())
        #expect(first.contains("\"sequence\":1"))
        #expect(publisher.refresh().state.sequence == 1)  // nothing changed: no new number
        backend.chord.withLock { $0 = "F7" }
        #expect(publisher.refresh().state.sequence == 2)
        let second = try #require(await iterator.next())
        #expect(second.contains("\"chord\":\"F7\""))
        publisher.unsubscribe(id)
        #expect(publisher.subscriberCount == 0)
    }

    /// The WebSocket sends the full state on connect, then the change, well within 50 ms.
    @Test func theEventStreamSendsChangesWithin50ms() async throws {
        let backend = FakeBackend()
        let server = WebRemoteServer(backend: backend, settings: .init(), assets: nil, logger: Logger(label: "test"))
        let router = server.router()
        let app = Application(
            router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let delays = Mutex<[Duration]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await server.publisher.run() }
            try await app.test(.live) { client in
                try await client.ws("/api/events") { inbound, _, _ in
                    var messages = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                    guard case .text(let first) = try await messages.next() else { return }
                    #expect(first.contains("\"style\":\"medium-swing\""))
                    let changed = ContinuousClock.now
                    backend.chord.withLock { $0 = "Bb7" }
                    guard case .text(let second) = try await messages.next() else { return }
                    delays.withLock { $0.append(changed.duration(to: .now)) }
                    #expect(second.contains("\"chord\":\"Bb7\""))
                }
            }
            group.cancelAll()
        }
        let delay = try #require(delays.withLock { $0.first })
        #expect(delay < .milliseconds(50), "change reached the page after \(delay)")
    }
}
