/// Decides, from the audio driver's frame counter and a clock, whether the driver has stopped:
/// FluidSynth's ALSA driver ends its thread on an I/O error it cannot recover from, and then
/// nothing calls back again. A counter that has not moved for `thresholdNanoseconds` while
/// audio should run means reopen; less than that, wait (a scheduling gap or a slow period).
/// Pure, so that it is tested with a virtual clock.
public struct AudioStallDetector: Sendable, Equatable {
    public enum Decision: Sendable, Equatable {
        /// The driver advances (or audio is not meant to run): nothing to do.
        case keep
        /// The counter has not moved yet, not for long enough to call it stopped.
        case wait
        /// The driver has stopped: reopen it.
        case reopen
    }

    public let thresholdNanoseconds: Int64
    var lastCount: Int?
    var lastChangeNanoseconds: Int64 = 0

    public init(thresholdNanoseconds: Int64) {
        self.thresholdNanoseconds = thresholdNanoseconds
    }

    /// max(250 ms, 20 periods): long enough for any period size, short enough to be far
    /// within systemd's WatchdogSec.
    public init(sampleRate: Int, periodSize: Int) {
        let periods = Int64(20 * periodSize) * 1_000_000_000 / Int64(max(1, sampleRate))
        self.init(thresholdNanoseconds: max(250_000_000, periods))
    }

    /// One look: whether audio should be running, the driver's frame count, the monotonic time.
    public mutating func observe(running: Bool, frames: Int, atNanoseconds now: Int64) -> Decision {
        guard running, frames == lastCount else {
            lastCount = running ? frames : nil
            lastChangeNanoseconds = now
            return .keep
        }
        guard now - lastChangeNanoseconds >= thresholdNanoseconds else { return .wait }
        return .reopen
    }

    /// After a reopen (successful or not): the new driver gets a full threshold to start.
    public mutating func reopened(atNanoseconds now: Int64) {
        lastCount = nil
        lastChangeNanoseconds = now
    }
}
