/// One warning line per interval at most, with how many times it happened: a MIDI flood can
/// overrun the input thousands of times a second, and a line each would flood the journal.
/// The first occurrence is told at once; those that follow within the interval are counted and
/// told in one line once it has passed, by the next occurrence or by `due` (so that a burst's
/// last count is never lost when nothing follows it). Pure: the time is passed in.
public struct WarningThrottle: Sendable {
    public let intervalNanoseconds: UInt64
    private var lastReport: UInt64?
    private var pending = 0

    public init(intervalNanoseconds: UInt64 = 1_000_000_000) {
        self.intervalNanoseconds = intervalNanoseconds
    }

    /// It happened once more at `now`: the count to report (this one and those held back
    /// since the last line), or nil to stay quiet.
    public mutating func record(atNanoseconds now: UInt64) -> Int? {
        pending += 1
        return due(atNanoseconds: now)
    }

    /// Occurrences held back, once the interval since the last line has passed (nil: none
    /// held, or not yet).
    public mutating func due(atNanoseconds now: UInt64) -> Int? {
        guard pending > 0 else { return nil }
        if let lastReport, now >= lastReport, now - lastReport < intervalNanoseconds { return nil }
        lastReport = now
        defer { pending = 0 }
        return pending
    }

    /// When held occurrences are due (nil: none held).
    public var deadline: UInt64? {
        guard pending > 0 else { return nil }
        return (lastReport ?? 0) &+ intervalNanoseconds
    }
}
