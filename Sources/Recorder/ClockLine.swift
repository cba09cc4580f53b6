/// Where a sound card's stream is in time: the CLOCK_MONOTONIC instant at which its frame 0
/// passed the converter, from observations of (time, frames the hardware had passed by
/// then). A card reports its position late (at its period interrupt, or at a timer tick), so
/// every observation puts frame 0 at or after the truth; the earliest of the recent ones is
/// the estimate. Kept per quarter second for the last few seconds, so that a clock drifting
/// against the system's is followed. Integer nanoseconds throughout: exact, and safe for months.
///
/// A stream can also lose time without stopping: when nothing reads its position for longer
/// than its buffer (a stalled machine), the kernel, which sees the card's pointer only modulo
/// the buffer, misses a turn of the ring, and from then on every frame passes a buffer later
/// than the older observations say. Taking the earliest of the whole window would then place
/// frames a buffer early for seconds; so once enough newer observations agree that frame 0 is
/// later by more than `slip`, the older ones are dropped from the estimate.
public struct ClockLine: Sendable {
    public let sampleRate: Int
    /// Slots of observations kept, and each slot's length: four seconds in all.
    public static let slots = 16
    public static let slotNanoseconds: Int64 = 250_000_000
    /// A later frame 0 by more than this, agreed by `confirmations` newer observations, is a
    /// slip, not late readings (those are late by a timer tick, 4 ms at 250 Hz, or less).
    public static let slip: Int64 = 8_000_000
    public static let confirmations = 8
    private var slotIndex: [Int64]
    private var earliest: [Int64]
    private var counts: [Int]

    public init(sampleRate: Int) {
        self.sampleRate = sampleRate
        slotIndex = [Int64](repeating: .min, count: Self.slots)
        earliest = [Int64](repeating: .max, count: Self.slots)
        counts = [Int](repeating: 0, count: Self.slots)
    }

    /// The stream had passed `frame` frames at `nanoseconds` (or later: never earlier).
    public mutating func observe(nanoseconds: Int64, frame: Int64) {
        let zero = nanoseconds - Self.nanoseconds(frames: frame, rate: sampleRate)
        let index = nanoseconds / Self.slotNanoseconds
        let slot = Int(index % Int64(Self.slots))
        if slotIndex[slot] != index {
            slotIndex[slot] = index
            earliest[slot] = zero
            counts[slot] = 1
        } else {
            earliest[slot] = min(earliest[slot], zero)
            counts[slot] += 1
        }
    }

    /// The estimate of frame 0's instant, among observations no older than the window and
    /// none from before a slip.
    public func frameZero(now: Int64) -> Int64? { estimate(now: now)?.zero }

    /// How much later frame 0 is now than the whole window's earliest observation says: the
    /// slip followed (0 without one).
    public func slipFollowed(now: Int64) -> Int64 {
        guard let e = estimate(now: now) else { return 0 }
        return e.zero - e.windowEarliest
    }

    /// Newest slot first: the running earliest of the newer slots, until an older slot is
    /// earlier than it by more than `slip` once enough newer observations back it.
    private func estimate(now: Int64) -> (zero: Int64, windowEarliest: Int64)? {
        let current = now / Self.slotNanoseconds
        var best: Int64?
        var all: Int64?
        var seen = 0
        var slipped = false
        for age in 0..<Int64(Self.slots) {
            let index = current - age
            guard index >= 0 else { break }
            let slot = Int(index % Int64(Self.slots))
            guard slotIndex[slot] == index else { continue }
            all = min(all ?? .max, earliest[slot])
            if slipped { continue }
            if let b = best, seen >= Self.confirmations, earliest[slot] < b - Self.slip {
                slipped = true
                continue
            }
            best = min(best ?? .max, earliest[slot])
            seen += counts[slot]
        }
        guard let best, let all else { return nil }
        return (best, all)
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
