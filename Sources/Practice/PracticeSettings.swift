import MusicCore

/// How a musician wants to practise a song: count-in, intro and ending, a loop, a tempo
/// ramp, a key cycle, chord breaks, a metronome and the chord display for a transposing
/// instrument. The same settings drive an offline render and, live, the daemon's chart mode.
public struct PracticeSettings: Hashable, Sendable {
    /// Passes through the whole song (ignored when `loop` is set: the loop's passes count).
    public var choruses = 1
    public var countIn = CountIn()
    /// The style's intro before the first bar, and its ending after the last.
    public var intro = false
    public var ending = false
    public var loop: PracticeLoop?
    public var ramp: TempoRamp?
    public var keys: KeyCycle = .none
    public var breaks: ChordBreaks?
    /// A click on every beat, apart from the drums (it goes on through chord breaks).
    public var metronome = false
    /// The chord symbols shown; the sound stays in concert pitch.
    public var display: TransposingInstrument = .concert

    public init() {}
}

/// Bars before the band: clicks (a side stick on every beat) or the drums alone.
public struct CountIn: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case clicks, drums
    }
    public var bars: Int
    public var kind: Kind

    public init(bars: Int = 0, kind: Kind = .clicks) {
        self.bars = bars
        self.kind = kind
    }
}

/// The band rests `rest` bars in every `every` (the last bars of each group), while the
/// player keeps time: 2 in 8 plays six bars and rests two.
public struct ChordBreaks: Hashable, Sendable {
    public var rest: Int
    public var every: Int

    public init?(rest: Int, every: Int) {
        guard rest >= 1, every > rest else { return nil }
        self.rest = rest
        self.every = every
    }

    /// Whether the band plays bar `index` (0-based, counted from the song's first bar).
    public func bandPlays(bar index: Int) -> Bool { index % every < every - rest }
}
