/// One warning line a second at most, with how many times it happened: a MIDI flood can
/// overrun the input thousands of times a second, and a line each would flood the journal.
/// Pure: the time is passed in.
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
        if let lastReport, now >= lastReport, now - lastReport < intervalNanoseconds { return nil }
        lastReport = now
        defer { pending = 0 }
        return pending
    }
}
