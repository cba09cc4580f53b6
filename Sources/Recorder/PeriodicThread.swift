import Foundation
import Synchronization

/// A thread of its own that calls `body` every `interval` until stopped: the take writer runs
/// on it, apart from the audio thread and from the daemon's async tasks (file writes block).
public final class PeriodicThread: Sendable {
    private final class Flags: Sendable {
        let running = Atomic<Bool>(true)
        let finished = Atomic<Bool>(false)
    }
    private let flags = Flags()

    public init(name: String, interval: Duration = .milliseconds(10), _ body: @escaping @Sendable () -> Void) {
        let microseconds = UInt32(interval.components.seconds * 1_000_000 + interval.components.attoseconds / 1_000_000_000_000)
        let flags = self.flags
        let thread = Thread {
            while flags.running.load(ordering: .acquiring) {
                body()
                usleep(microseconds)
            }
            body()
            flags.finished.store(true, ordering: .releasing)
        }
        thread.name = name
        thread.start()
    }

    /// Stops after one last call of `body`, and waits for it.
    public func stop() {
        flags.running.store(false, ordering: .releasing)
        while !flags.finished.load(ordering: .acquiring) { usleep(1_000) }
    }
}
