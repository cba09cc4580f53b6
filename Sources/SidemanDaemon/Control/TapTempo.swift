import MusicCore

/// Tempo from taps on a key: the average of the last few intervals. A pause longer than
/// `resetAfter` starts a new count, so an old tap never drags a new tempo.
public struct TapTempo: Hashable, Sendable {
    public let resetAfterNanoseconds: UInt64
    public let intervalsAveraged: Int
    private var taps: [UInt64] = []

    public init(resetAfterSeconds: Double = 2, intervalsAveraged: Int = 4) {
        self.resetAfterNanoseconds = UInt64(resetAfterSeconds * 1e9)
        self.intervalsAveraged = max(1, intervalsAveraged)
        taps.reserveCapacity(self.intervalsAveraged + 1)
    }

    /// Records a tap at a monotonic time; the tempo once there are two taps (nil before, and
    /// nil when the taps are outside 20…400 BPM).
    public mutating func tap(atNanoseconds now: UInt64) -> Tempo? {
        if let last = taps.last, now < last || now - last > resetAfterNanoseconds { taps.removeAll(keepingCapacity: true) }
        taps.append(now)
        if taps.count > intervalsAveraged + 1 { taps.removeFirst() }
        guard taps.count >= 2 else { return nil }
        let average = Double(taps.last! - taps.first!) / Double(taps.count - 1)
        return Tempo(microsecondsPerQuarter: Int((average / 1000).rounded()))
            .flatMap { Tempo.range.contains($0.bpm) ? $0 : nil }
    }
}
