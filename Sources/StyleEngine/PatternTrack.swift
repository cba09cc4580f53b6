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
