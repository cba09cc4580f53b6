import MusicCore

/// One bar of a practice plan: what the band plays in it and how, known before it starts
/// (a player ahead of the music fetches the next bar while this one sounds).
public struct PracticeBar: Hashable, Sendable {
    /// 0-based, counted from the song's first bar (count-in and intro not counted).
    public var index: Int
    /// 0-based pass: the chorus, or the loop pass when looping.
    public var pass: Int
    /// 0-based place of the bar in one chorus (or loop pass).
    public var barInPass: Int
    /// Index into the chart's written bars.
    public var written: Int
    public var section: String?
    /// True on the first bar of a section's pass: a marker goes here.
    public var startsSection: Bool
    /// True on the first bar of a pass (a chorus after the first begins after the intro).
    public var startsPass: Bool
    public var tempo: Tempo
    /// Semitones (0...11) the song is moved up in this pass.
    public var transposition: Int
    /// The key sounding in this pass (the song's key moved by `transposition`).
    public var key: ChartKey?
    /// False in a chord break: the band rests, the metronome (if on) goes on.
    public var bandPlays: Bool
    /// The chord changes of the bar, in concert pitch, transposed.
    public var changes: [PracticeChord]
    /// The first chord after this bar's last one (nil after the last bar): what a walking
    /// bass or a fill leads into.
    public var next: PracticeChord?
}
