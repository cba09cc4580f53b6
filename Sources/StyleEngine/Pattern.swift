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

/// A non-note event in a pattern (a controller sweep, a pitch bend), passed through as written.
public struct PatternControl: Hashable, Sendable {
    public var tick: Tick
    public var event: MIDIEvent
    public init(tick: Tick, event: MIDIEvent) {
        self.tick = tick
        self.event = event
    }
}

/// The notes one source channel plays in one section, with the rules that move them onto
/// the chord. A part may have several tracks (Yamaha styles often give major and minor
/// chords separate source channels, selected by the rules' masks).
public struct PatternTrack: Hashable, Sendable {
    public var rules: TranspositionRules
    /// Sorted by tick.
    public var notes: [PatternNote]
    public var controls: [PatternControl]

    public init(rules: TranspositionRules, notes: [PatternNote], controls: [PatternControl] = []) {
        self.rules = rules
        self.notes = notes.sorted { ($0.tick, $0.note) < ($1.tick, $1.note) }
        self.controls = controls.sorted { $0.tick < $1.tick }
    }
}

/// One section of a style: its length and what each part plays in it.
public struct Section: Hashable, Sendable {
    public var id: SectionID
    /// Length in ticks (a whole number of bars of the style's meter).
    public var length: Tick
    public var parts: [PartID: [PatternTrack]]

    public init(id: SectionID, length: Tick, parts: [PartID: [PatternTrack]]) {
        self.id = id
        self.length = length
        self.parts = parts
    }

    public func bars(meter: Meter) -> Int { max(1, length / meter.ticksPerBar()) }
}
