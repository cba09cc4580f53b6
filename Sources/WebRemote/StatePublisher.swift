import Foundation
import Synchronization

/// Turns the daemon's state into a stream of changes: every 20 ms (and on every request) it
/// reads the backend's report off the audio thread, and when the content differs it numbers
/// it, encodes it once and hands it to every subscriber. A subscriber's buffer keeps only the
/// newest few values, so a slow phone costs bounded memory and never holds anyone up.
public final class StatePublisher: Sendable {
    let backend: any RemoteBackend
    public let interval: Duration
    private struct Current {
        var state: WebState?
        var json = "{}"
        var nextSubscriber = 0
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    }
    private let current = Mutex(Current())

    public init(backend: any RemoteBackend, interval: Duration = .milliseconds(20)) {
        self.backend = backend
        self.interval = interval
    }

    /// Reads the state now; publishes it if it changed. Returns the latest (state, JSON).
    @discardableResult
    public func refresh() -> (state: WebState, json: String) {
        var fresh = WebState(report: backend.report)
        return current.withLock { c in
            if let old = c.state, old.sameContent(as: fresh) { return (old, c.json) }
            fresh.sequence = (c.state?.sequence ?? 0) + 1
            c.state = fresh
            c.json = WebJSON.encode(fresh)
            for continuation in c.subscribers.values { continuation.yield(c.json) }
            return (fresh, c.json)
        }
    }

    /// A stream that starts with the full state and then yields every change.
    public func subscribe() -> (id: Int, stream: AsyncStream<String>) {
        let json = refresh().json
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let id = current.withLock { c in
            let id = c.nextSubscriber
            c.nextSubscriber += 1
            c.subscribers[id] = continuation
            return id
        }
        continuation.yield(json)
        return (id, stream)
    }

    public func unsubscribe(_ id: Int) {
        let continuation = current.withLock { $0.subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    public var subscriberCount: Int { current.withLock { $0.subscribers.count } }

    /// Polls until cancelled, then ends every stream.
    public func run() async {
        while !Task.isCancelled {
            refresh()
            try? await Task.sleep(for: interval)
        }
        finishAll()
    }

    /// Ends every stream (shutdown: each WebSocket then closes, so the server can stop).
    public func finishAll() {
        let all = current.withLock { c in
            defer { c.subscribers.removeAll() }
            return Array(c.subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }
}
