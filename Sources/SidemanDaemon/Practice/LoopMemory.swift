import MusicCore

/// A loop memory: the chart a recording made.
struct LoopMemory: Sendable {
    var chart: ChordChart
}
