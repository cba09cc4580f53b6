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
