/// A chord chart: title, meter and bars of chords, as in the Jazz Chord Progressions Corpus
/// files (`Key = Value` header lines, then bars each ended by `|`) or a bare one-line chart
/// ("C7 | F7 | C7 | C7 |"). Chords in a bar share its beats equally. A song adds sections
/// (`[A]`), repeats (`|: :|`), endings (`1.` `2.`) and a form (`Form = A A B A`), and its
/// settings (style, tempo, key) as header fields: see docs/chord-charts.md.
public struct ChordChart: Hashable, Sendable {
    public var title: String
    public var meter: Meter
    /// The bars as written, each once (repeats and form not expanded: see `playedBars`).
    public var bars: [[ChartChord]]
    /// Every header field as written (Title, ComposedBy, DBKeySig, TimeSig, Bars ...).
    public var header: [String: String]
    /// Named parts of the written bars, in written order; empty for a plain chart.
    public var sections: [ChartSection]
    /// Repeat and ending marks, one per written bar (or empty: no marks anywhere).
    public var marks: [ChartBarMarks]
    /// Section names in the order one chorus plays them; empty: the sections as written.
    public var form: [String]

    public init(
        title: String = "", meter: Meter = .fourFour, bars: [[ChartChord]], header: [String: String] = [:],
        sections: [ChartSection] = [], marks: [ChartBarMarks] = [], form: [String] = []
    ) {
        self.title = title
        self.meter = meter
        self.bars = bars
        self.header = header
        self.sections = sections
        self.marks = marks
        self.form = form
    }

    /// The marks of a written bar (none when the chart has none).
    public func marks(ofBar index: Int) -> ChartBarMarks { index < marks.count ? marks[index] : ChartBarMarks() }

    /// Ticks of one chorus: the played bars, repeats and form expanded.
    public func ticksPerChorus(ppq: Int = PPQ.standard) -> Tick { playedBars().count * meter.ticksPerBar(ppq: ppq) }

    /// The chord changes of `choruses` passes through the song (repeats and form expanded),
    /// at `ppq` ticks per quarter (1920 inside Sideman). A chord that goes on (same chord and
    /// text as the one before, across bar lines and choruses) is not a change. Bar beats are
    /// shared equally; when they do not divide evenly, changes fall on the tick below.
    public func changes(choruses: Int = 1, ppq: Int = PPQ.standard) -> [ChordChange] {
        let barTicks = meter.ticksPerBar(ppq: ppq)
        let played = playedBars()
        var changes: [ChordChange] = []
        for chorus in 0..<max(0, choruses) {
            for (b, bar) in played.enumerated() {
                let barStart = (chorus * played.count + b) * barTicks
                for (i, c) in bar.chords.enumerated() {
                    let tick = barStart + i * barTicks / bar.chords.count
                    if let last = changes.last, last.chord == c.chord, last.symbol == c.symbol.text { continue }
                    changes.append(ChordChange(tick: tick, chord: c.chord, symbol: c.symbol.text))
                }
            }
        }
        return changes
    }
}
