/// One bar as the song is played, after repeats, endings and the form are expanded: which
/// written bar it is, its chords, and the section it belongs to.
public struct PlayedBar: Hashable, Sendable {
    /// Index into `ChordChart.bars`.
    public var written: Int
    public var chords: [ChartChord]
    /// The section's name; nil in a chart without sections.
    public var section: String?
    /// True on the first bar of each pass through a section (where a marker goes).
    public var startsSection: Bool

    public init(written: Int, chords: [ChartChord], section: String?, startsSection: Bool) {
        self.written = written
        self.chords = chords
        self.section = section
        self.startsSection = startsSection
    }
}
