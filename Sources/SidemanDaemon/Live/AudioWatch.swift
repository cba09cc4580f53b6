import ALSASequencer

/// The band loop's watch on the sound card's driver: the stall decision, and the warning line
/// for a starved driver, at most one every five seconds with the count (a flood on a slow
/// machine can starve it often, and shares the journal with the input's own loss lines).
struct AudioWatch {
    var detector: AudioStallDetector
    var starvedWarnings = WarningThrottle(intervalNanoseconds: 5_000_000_000)
    /// Whether this driver's thread has been looked at for real-time priority yet (once per
    /// driver: a reopened card has a new thread, which asks for it again).
    private(set) var priorityLookedAt = false

    /// True, once per driver, when its thread is known to run without real-time priority:
    /// then other programs can delay the callbacks into late ones, which an admin should hear
    /// about once, not find in the late-callback count. `isRealTime` is nil until the driver
    /// has called back.
    mutating func lacksRealTimePriority(_ isRealTime: Bool?) -> Bool {
        guard !priorityLookedAt, let isRealTime else { return false }
        priorityLookedAt = true
        return !isRealTime
    }

    /// A new driver: its thread is looked at afresh.
    mutating func driverReplaced(atNanoseconds now: Int64) {
        detector.reopened(atNanoseconds: now)
        priorityLookedAt = false
    }
}
