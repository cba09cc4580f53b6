import MusicCore

/// A chord of a practice bar: where it starts in the bar, what sounds, and how it is shown.
public struct PracticeChord: Hashable, Sendable {
    /// Ticks from the start of the bar (1920 per quarter).
    public var offset: Tick
    /// The chord the band plays (concert pitch, transposed); nil is no chord.
    public var chord: Chord?
    /// The chart's symbol moved to the sounding key ("Bbm7b5"), concert pitch.
    public var symbol: String
    /// The symbol for the player's instrument (the same as `symbol` for concert).
    public var display: String
    /// Written with `^`: the band plays it an eighth note ahead of `offset`.
    public var pushed: Bool

    public init(offset: Tick, chord: Chord?, symbol: String, display: String, pushed: Bool = false) {
        self.offset = offset
        self.chord = chord
        self.symbol = symbol
        self.display = display
        self.pushed = pushed
    }
}
