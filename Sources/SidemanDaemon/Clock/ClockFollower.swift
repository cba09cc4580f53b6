import MusicCore

/// Follows the tempo of incoming MIDI clock (24 pulses per quarter note): a least-squares line
/// through the arrival times of the last `window` pulses, whose slope is the pulse period. One
/// late or early pulse moves the estimate by a fraction of its error divided by the window,
/// so USB and scheduling jitter of a few milliseconds does not wobble the band's tempo.
/// Fixed storage, no allocation after init: it runs on the audio thread.
public struct ClockFollower: Sendable {
    public let window: Int
    /// Arrival times, nanoseconds, a ring of `window` entries.
    private var times: [UInt64]
    private var count = 0
    private var next = 0
    /// A gap longer than this (a stopped clock) starts the estimate afresh.
    public let gapNanoseconds: UInt64
    /// Pulses needed before a tempo is reported.
    public let minimumPulses: Int

    public init(window: Int = 96, minimumPulses: Int = 24, gapNanoseconds: UInt64 = 500_000_000) {
        self.window = max(2, window)
        self.minimumPulses = max(2, min(minimumPulses, self.window))
        self.gapNanoseconds = gapNanoseconds
        times = [UInt64](repeating: 0, count: self.window)
    }

    /// Forget every pulse (the clock stopped or restarted).
    public mutating func reset() {
        count = 0
        next = 0
    }

    /// One pulse, arrived at `nanoseconds` (monotonic). Returns the estimated tempo once
    /// enough pulses have arrived, else nil.
    public mutating func pulse(atNanoseconds nanoseconds: UInt64) -> Tempo? {
        if count > 0 {
            let previous = times[(next + window - 1) % window]
            if nanoseconds <= previous || nanoseconds - previous > gapNanoseconds { reset() }
        }
        times[next] = nanoseconds
        next = (next + 1) % window
        count = min(count + 1, window)
        guard count >= minimumPulses, let period = periodNanoseconds else { return nil }
        return Tempo(bpm: 60e9 / (period * 24))
    }

    /// The least-squares pulse period over the pulses held, in nanoseconds.
    public var periodNanoseconds: Double? {
        guard count >= 2 else { return nil }
        let oldest = (next + window - count) % window
        let origin = times[oldest]
        let n = Double(count)
        let meanX = (n - 1) / 2
        var meanY = 0.0
        for i in 0..<count { meanY += Double(times[(oldest + i) % window] - origin) }
        meanY /= n
        var sxy = 0.0, sxx = 0.0
        for i in 0..<count {
            let x = Double(i) - meanX
            sxy += x * (Double(times[(oldest + i) % window] - origin) - meanY)
            sxx += x * x
        }
        let period = sxy / sxx
        return period > 0 ? period : nil
    }
}
