/// Where a sound card's stream is in time: the CLOCK_MONOTONIC instant at which its frame 0
/// passed the converter, from observations of (time, frames the hardware had passed by
/// then). A card reports its position late (at its period interrupt, or at a timer tick), so
/// every observation puts frame 0 at or after the truth; the earliest of the recent ones is
/// the estimate. Kept per second for the last few seconds, so that a clock drifting against
/// the system's is followed. Integer nanoseconds throughout: exact, and safe for months.
public struct ClockLine: Sendable {
    public let sampleRate: Int
    /// Seconds of observations kept.
    public static let window = 4
    private var seconds: [Int64]
    private var earliest: [Int64]
    public private(set) var observations = 0

    public init(sampleRate: Int) {
        self.sampleRate = sampleRate
        seconds = [Int64](repeating: .min, count: Self.window)
        earliest = [Int64](repeating: .max, count: Self.window)
    }

    /// The stream had passed `frame` frames at `nanoseconds` (or later: never earlier).
    public mutating func observe(nanoseconds: Int64, frame: Int64) {
        let zero = nanoseconds - Self.nanoseconds(frames: frame, rate: sampleRate)
        let second = nanoseconds / 1_000_000_000
        let slot = Int(second % Int64(Self.window))
        if seconds[slot] != second {
            seconds[slot] = second
            earliest[slot] = zero
        } else {
            earliest[slot] = min(earliest[slot], zero)
        }
        observations += 1
    }

    /// The estimate of frame 0's instant, among observations no older than the window.
    public func frameZero(now: Int64) -> Int64? {
        let second = now / 1_000_000_000
        var best: Int64?
        for i in 0..<Self.window where seconds[i] > second - Int64(Self.window) {
            best = min(best ?? .max, earliest[i])
        }
        return best
    }

    /// Forget everything (the stream restarted: its frames no longer count from the same zero).
    public mutating func reset() {
        self = ClockLine(sampleRate: sampleRate)
    }

    /// `frames` at `rate` in nanoseconds, without overflowing for a month of frames.
    public static func nanoseconds(frames: Int64, rate: Int) -> Int64 {
        let r = Int64(rate)
        return frames / r * 1_000_000_000 + frames % r * 1_000_000_000 / r
    }

    /// Nanoseconds as frames at `rate`, rounded to the nearest frame (either sign).
    public static func frames(nanoseconds: Int64, rate: Int) -> Int64 {
        let r = Int64(rate)
        let whole = nanoseconds / 1_000_000_000 * r
        let part = nanoseconds % 1_000_000_000 * r
        return whole + (part >= 0 ? (part + 500_000_000) / 1_000_000_000 : (part - 500_000_000) / 1_000_000_000)
    }
}
