import ALSASequencer

/// The band loop's watch on the sound card's driver: the stall decision, and the warning line
/// for a starved driver, at most one every five seconds with the count (a flood on a slow
/// machine can starve it often, and shares the journal with the input's own loss lines).
struct AudioWatch {
    var detector: AudioStallDetector
    var starvedWarnings = WarningThrottle(intervalNanoseconds: 5_000_000_000)
}
