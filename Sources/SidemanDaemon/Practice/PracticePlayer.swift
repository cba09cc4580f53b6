import StyleEngine
import Synchronization

/// The practice player's state off the audio thread: the song playing, the setlist and the
/// place in it, who leads, the loop memories, and the last status published (with its
/// sequence number) for clients that follow changes. Every method is called off the audio
/// thread; the state is kept under a lock the audio thread never takes.
final class PracticePlayer: Sendable {
    struct State: Sendable {
        var mode: ControlMode = .arranger
        var song: PracticeSong?
        /// The song's score, read ahead of the audio thread (the tick reads on).
        var feed: ChartFeed?
        /// Songs loaded so far: the next one's number.
        var loaded = 0
        /// The song number whose end was already acted on.
        var finishedHandled = 0
        var setlist: Setlist?
        var setlistPosition = 0
        var memories: [Int: LoopMemory] = [:]
        var recording: ChordLooper?
        var status = PracticeStatus()
        /// The styles a reload brought (nil: the ones the daemon started with).
        var styles: [Style]?
    }

    let state = Mutex(State())
    /// Clients following the state (the web remote's WebSocket): each gets every new status.
    private let followers = Mutex<[Int: AsyncStream<PracticeStatus>.Continuation]>([:])
    private let nextFollower = Atomic<Int>(0)

    init() {}

    /// The statuses from now on, the current one first; ends when the client stops listening.
    func follow() -> AsyncStream<PracticeStatus> {
        let id = nextFollower.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream.makeStream(of: PracticeStatus.self, bufferingPolicy: .bufferingNewest(64))
        continuation.yield(state.withLock { $0.status })
        continuation.onTermination = { [weak self] _ in self?.followers.withLock { _ = $0.removeValue(forKey: id) } }
        followers.withLock { $0[id] = continuation }
        return stream
    }

    /// Publishes `status` if it differs from the last one (a new sequence number).
    func publish(_ status: PracticeStatus) {
        var next = status
        let changed = state.withLock { s -> Bool in
            next.sequence = s.status.sequence
            guard next != s.status else { return false }
            next.sequence += 1
            s.status = next
            return true
        }
        guard changed else { return }
        let all = followers.withLock { Array($0.values) }
        for f in all { f.yield(next) }
    }
}
