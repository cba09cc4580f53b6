import MusicCore

/// A chord chart as the render command plays it: bars of timed chord changes. Chords in a
/// bar share its beats equally, as in the chart files; nil is "NC" (no chord).
struct RenderChart: Hashable, Sendable {
    struct Change: Hashable, Sendable {
        /// Ticks from the start of the bar.
        var offset: Tick
        var chord: Chord?
    }

    var title: String
    var meter: Meter
    var bars: [[Change]]

    /// A chart from bars of chords, each bar's chords sharing it equally.
    init(title: String, meter: Meter, chordsPerBar: [[Chord?]]) {
        self.title = title
        self.meter = meter
        let barTicks = meter.ticksPerBar()
        bars = chordsPerBar.map { chords in
            chords.enumerated().map { i, chord in Change(offset: barTicks * i / max(1, chords.count), chord: chord) }
        }
    }

    /// The first real chord: the key's tonic in most charts, what an ending resolves to.
    var firstChord: Chord? { bars.lazy.flatMap { $0 }.compactMap(\.chord).first }
}
