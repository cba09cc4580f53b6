import MusicCore

/// Optional humanisation: random timing (ticks either way) and velocity (either way),
/// deterministic per seed so renders are repeatable.
public struct Humanize: Hashable, Sendable {
    public var timing: Tick
    public var velocity: Int
    public init(timing: Tick, velocity: Int) {
        self.timing = max(0, timing)
        self.velocity = max(0, velocity)
    }
    public static let none = Humanize(timing: 0, velocity: 0)
}
