import ALSASequencer

/// The band loop's watch on the sound card's driver: the stall decision, and the warning line
/// for a starved driver, at most one a second (a flood on a slow machine can starve it often).
struct AudioWatch {
    var detector: AudioStallDetector
    var starvedWarnings = WarningThrottle()
}
