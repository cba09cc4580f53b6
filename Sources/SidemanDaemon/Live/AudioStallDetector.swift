/// Decides, from the audio driver's frame counter, whether its thread still lives, and a
/// clock, what a still counter means. FluidSynth's ALSA driver ends its thread on an I/O error
/// it cannot recover from, and then nothing calls back again: reopen. But a driver starved by
/// a busy machine (a MIDI flood under emulation) also stops counting for a while, and its
/// thread, still alive, holds the card: reopening then cannot work (the card is "used by
/// another application") and would end the daemon. So a still counter is waited for while
/// the thread lives, and reopened only once the thread has ended (or is not known, or has not
/// moved for `starvedLimitNanoseconds`, past any starvation worth waiting for).
/// Pure, so that it is tested with a virtual clock and a fake driver.
public struct AudioStallDetector: Sendable, Equatable {
    public enum Decision: Sendable, Equatable {
        /// The driver advances (or audio is not meant to run): nothing to do.
        case keep
        /// The counter has not moved yet, not for long enough to call it stopped.
        case wait
        /// The counter has not moved for the threshold, but the driver's thread lives: it is
        /// late, not dead. Wait with the band silenced; it resumes where it stopped.
        case starved
        /// The driver has stopped (its thread ended, or it never came back): reopen it.
        case reopen
    }

    /// What is known of the driver's thread when its counter stands still.
    public enum DriverThread: Sendable, Equatable {
        /// It has not called back yet (or liveness cannot be read): judged by the counter alone.
        case unknown
        case alive
        case ended
    }

    public let thresholdNanoseconds: Int64
    public let starvedLimitNanoseconds: Int64
    var lastCount: Int?
    var lastChangeNanoseconds: Int64 = 0
    /// Times a still counter was found starved (not dead); one per stillness.
    public private(set) var starvedEpisodes = 0
    var starving = false

    public init(thresholdNanoseconds: Int64, starvedLimitNanoseconds: Int64 = 30_000_000_000) {
        self.thresholdNanoseconds = thresholdNanoseconds
        self.starvedLimitNanoseconds = max(thresholdNanoseconds, starvedLimitNanoseconds)
    }

    /// max(250 ms, 20 periods): long enough for any period size, short enough to be far
    /// within systemd's WatchdogSec.
    public init(sampleRate: Int, periodSize: Int) {
        let periods = Int64(20 * periodSize) * 1_000_000_000 / Int64(max(1, sampleRate))
        self.init(thresholdNanoseconds: max(250_000_000, periods))
    }

    /// One look: whether audio should be running, the driver's frame count, the monotonic
    /// time, and (asked only once the counter has stood still for the threshold) its thread.
    public mutating func observe(
        running: Bool, frames: Int, atNanoseconds now: Int64, thread: () -> DriverThread = { .unknown }
    ) -> Decision {
        guard running, frames == lastCount else {
            lastCount = running ? frames : nil
            lastChangeNanoseconds = now
            starving = false
            return .keep
        }
        let still = now - lastChangeNanoseconds
        guard still >= thresholdNanoseconds else { return .wait }
        guard still < starvedLimitNanoseconds, thread() == .alive else { return .reopen }
        if !starving { starvedEpisodes += 1 }
        starving = true
        return .starved
    }

    /// After a reopen (successful or not): the new driver gets a full threshold to start.
    public mutating func reopened(atNanoseconds now: Int64) {
        starving = false
        lastCount = nil
        lastChangeNanoseconds = now
    }
}
