import MusicCore

/// Tempo from taps on a key: the average of the last few intervals. A pause longer than
/// `resetAfter` starts a new count, so an old tap never drags a new tempo.
public struct TapTempo: Hashable, Sendable {
    public let resetAfterNanoseconds: UInt64
    public let intervalsAveraged: Int
    /// The last taps, a ring of `intervalsAveraged + 1` slots made once: the audio thread
    /// taps, so recording one only writes a slot.
    private var taps: [UInt64]
    private var count = 0
    private var newest = 0

    public init(resetAfterSeconds: Double = 2, intervalsAveraged: Int = 4) {
        self.resetAfterNanoseconds = UInt64(resetAfterSeconds * 1e9)
        self.intervalsAveraged = max(1, intervalsAveraged)
        taps = [UInt64](repeating: 0, count: self.intervalsAveraged + 1)
    }

    /// Records a tap at a monotonic time; the tempo once there are two taps (nil before, and
    /// nil when the taps are outside 20…400 BPM).
    public mutating func tap(atNanoseconds now: UInt64) -> Tempo? {
        if count > 0, now < taps[newest] || now - taps[newest] > resetAfterNanoseconds { count = 0 }
        newest = (newest + 1) % taps.count
        taps[newest] = now
        count = min(count + 1, taps.count)
        guard count >= 2 else { return nil }
        let oldest = (newest - (count - 1) + taps.count) % taps.count
        let average = Double(taps[newest] - taps[oldest]) / Double(count - 1)
        guard let tempo = Tempo(microsecondsPerQuarter: Int((average / 1000).rounded())), Tempo.range.contains(tempo.bpm) else {
            return nil
        }
        return tempo
    }
}
