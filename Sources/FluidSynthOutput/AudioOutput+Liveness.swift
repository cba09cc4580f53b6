import Glibc

extension AudioOutput {
    /// Whether the thread calling back has ended: nil until it first called back (its id is
    /// not known yet), then false while the kernel still lists it, true once it is gone. A
    /// driver whose counter stands still but whose thread lives is late (starved by the
    /// machine, or waiting on the card), not dead: it still holds the card, which therefore
    /// cannot be opened again, and it may resume. Off the audio thread only (reads /proc).
    public var driverThreadEnded: Bool? {
        let id = context.thread.load(ordering: .relaxed)
        guard id > 0 else { return nil }
        return !Self.threadExists(id)
    }

    /// A thread of this process that has ended is reaped at once, and leaves /proc/self/task.
    static func threadExists(_ id: Int32) -> Bool {
        access("/proc/self/task/\(id)", F_OK) == 0
    }
}
