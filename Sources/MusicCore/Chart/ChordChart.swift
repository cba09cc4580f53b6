/// A chord chart: title, meter and bars of chords, as in the Jazz Chord Progressions Corpus
/// files (`Key = Value` header lines, then bars each ended by `|`) or a bare one-line chart
/// ("C7 | F7 | C7 | C7 |"). Chords in a bar share its beats equally.
public struct ChordChart: Hashable, Sendable {
    public var title: String
    public var meter: Meter
    public var bars: [[ChartChord]]
    /// Every header field as written (Title, ComposedBy, DBKeySig, TimeSig, Bars ...).
    public var header: [String: String]

    public init(title: String = "", meter: Meter = .fourFour, bars: [[ChartChord]], header: [String: String] = [:]) {
        self.title = title
        self.meter = meter
        self.bars = bars
        self.header = header
    }

    public func ticksPerChorus(ppq: Int = PPQ.standard) -> Tick { bars.count * meter.ticksPerBar(ppq: ppq) }

    /// The chord changes of `choruses` passes through the chart, at `ppq` ticks per quarter
    /// (1920 inside Sideman). A chord that goes on (same chord and text as the one before,
    /// across bar lines and choruses) is not a change. Bar beats are shared equally; when
    /// they do not divide evenly, changes fall on the tick below.
    public func changes(choruses: Int = 1, ppq: Int = PPQ.standard) -> [ChordChange] {
        let barTicks = meter.ticksPerBar(ppq: ppq)
        var changes: [ChordChange] = []
        for chorus in 0..<max(0, choruses) {
            for (b, bar) in bars.enumerated() {
                let barStart = (chorus * bars.count + b) * barTicks
                for (i, c) in bar.enumerated() {
                    let tick = barStart + i * barTicks / bar.count
                    if let last = changes.last, last.chord == c.chord, last.symbol == c.symbol.text { continue }
                    changes.append(ChordChange(tick: tick, chord: c.chord, symbol: c.symbol.text))
                }
            }
        }
        return changes
    }

    /// The chart written back in its own format (header fields, then four bars a line);
    /// reading it gives this chart again.
    public var text: String {
        var lines: [String] = []
        var fields = header
        fields["Title"] = title.isEmpty ? nil : title
        fields["TimeSig"] = "\(meter.beatsPerBar) \(meter.beatUnit)"
        fields["Bars"] = String(bars.count)
        let order = ["Title", "ComposedBy", "DBKeySig", "TimeSig", "Bars"]
        for key in order + fields.keys.filter({ !order.contains($0) }).sorted() {
            if let value = fields[key] { lines.append("\(key) = \(value)") }
        }
        for start in stride(from: 0, to: bars.count, by: 4) {
            let row = bars[start..<min(start + 4, bars.count)].map { bar in
                bar.map(\.symbol.text).joined(separator: " ") + " |"
            }
            lines.append(" " + row.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
