import MusicCore

/// One written note of a pattern: when (ticks from the section start, at `PPQ.standard`),
/// how long, which key as written against the source chord, and how hard.
public struct PatternNote: Hashable, Sendable {
    public var tick: Tick
    public var duration: Tick
    public var note: UInt7
    public var velocity: UInt7

    public init(tick: Tick, duration: Tick, note: UInt7, velocity: UInt7) {
        self.tick = tick
        self.duration = duration
        self.note = note
        self.velocity = velocity
    }
}
