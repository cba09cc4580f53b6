import MusicCore

/// A non-note event in a pattern (a controller sweep, a pitch bend), passed through as written.
public struct PatternControl: Hashable, Sendable {
    public var tick: Tick
    public var event: MIDIEvent
    public init(tick: Tick, event: MIDIEvent) {
        self.tick = tick
        self.event = event
    }
}
