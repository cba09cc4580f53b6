import Synchronization

/// What the chart source tells the rest of the daemon, through atomics only (the audio thread
/// never locks): which song (by the number it was loaded with), its phase, bar and beat. The
/// daemon turns these into chords and names with the song's plan, off the audio thread.
public final class ChartPulse: Sendable {
    /// The number of the song playing (0: none yet), as given when it was loaded.
    public let song = Atomic<Int>(0)
    public let phase = Atomic<Int>(ChartPhase.idle.rawValue)
    /// Bar of the plan (0-based; -1 before the first bar).
    public let bar = Atomic<Int>(-1)
    /// Beat within the bar (0-based), counting through count-in and intro too.
    public let beat = Atomic<Int>(0)

    public init() {}

    public var currentPhase: ChartPhase { ChartPhase(rawValue: phase.load(ordering: .acquiring)) ?? .idle }
}
