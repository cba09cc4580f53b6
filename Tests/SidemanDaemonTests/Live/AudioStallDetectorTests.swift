import Testing

@testable import SidemanDaemon

/// The stopped-driver decision on a virtual clock: milliseconds in, keep / wait / reopen out.
@Suite struct AudioStallDetectorTests {
    static let ms: Int64 = 1_000_000

    @Test func thresholdIsTwentyPeriodsButAtLeastAQuarterSecond() {
        #expect(AudioStallDetector(sampleRate: 48_000, periodSize: 256).thresholdNanoseconds == 250 * Self.ms)
        // 20 × 1024 frames at 48 kHz = 426.66 ms.
        #expect(AudioStallDetector(sampleRate: 48_000, periodSize: 1024).thresholdNanoseconds == 426_666_666)
    }

    @Test func aDriverThatAdvancesIsKept() {
        var detector = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms)
        for step in 0..<1000 {
            let decision = detector.observe(running: true, frames: step * 256, atNanoseconds: Int64(step) * 10 * Self.ms)
            #expect(decision == .keep)
        }
    }

    @Test func aCounterStuckPastTheThresholdMeansReopen() {
        var detector = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 0) == .keep)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 100 * Self.ms) == .wait)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 249 * Self.ms) == .wait)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 250 * Self.ms) == .reopen)
        // Reopened: the new driver gets a whole threshold before it is judged again.
        detector.reopened(atNanoseconds: 260 * Self.ms)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 270 * Self.ms) == .keep)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 400 * Self.ms) == .wait)
        #expect(detector.observe(running: true, frames: 1256, atNanoseconds: 500 * Self.ms) == .keep)
        #expect(detector.observe(running: true, frames: 1256, atNanoseconds: 760 * Self.ms) == .reopen)
    }

    @Test func aGapShorterThanTheThresholdOnlyWaits() {
        var detector = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms)
        #expect(detector.observe(running: true, frames: 0, atNanoseconds: 0) == .keep)
        #expect(detector.observe(running: true, frames: 0, atNanoseconds: 200 * Self.ms) == .wait)
        #expect(detector.observe(running: true, frames: 512, atNanoseconds: 240 * Self.ms) == .keep)
        #expect(detector.observe(running: true, frames: 512, atNanoseconds: 480 * Self.ms) == .wait)
    }

    @Test func notRunningIsNeverAStop() {
        var detector = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms)
        #expect(detector.observe(running: false, frames: 0, atNanoseconds: 0) == .keep)
        #expect(detector.observe(running: false, frames: 0, atNanoseconds: 10_000 * Self.ms) == .keep)
        // Running again: the threshold counts from then, not from the last movement.
        #expect(detector.observe(running: true, frames: 0, atNanoseconds: 10_100 * Self.ms) == .keep)
        #expect(detector.observe(running: true, frames: 0, atNanoseconds: 10_200 * Self.ms) == .wait)
    }

    /// A flood on a slow machine starves the driver: its counter stands still, but its thread
    /// lives and holds the card. Reopening would fail (the card is "used by another
    /// application") and end the daemon; it is waited for instead, and resumes.
    @Test func aStillCounterWhoseThreadLivesIsStarvedNotReopened() {
        var detector = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms)
        var asked = 0
        let alive: () -> AudioStallDetector.DriverThread = {
            asked += 1
            return .alive
        }
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 0, thread: alive) == .keep)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 200 * Self.ms, thread: alive) == .wait)
        #expect(asked == 0, "the thread is looked at only once the counter has stood still for the threshold")
        for t in stride(from: Int64(250), through: 5_000, by: 10) {
            #expect(detector.observe(running: true, frames: 1000, atNanoseconds: t * Self.ms, thread: alive) == .starved)
        }
        #expect(detector.starvedEpisodes == 1)
        // It resumes: kept, and the next stillness is a new episode.
        #expect(detector.observe(running: true, frames: 1256, atNanoseconds: 5_010 * Self.ms, thread: alive) == .keep)
        #expect(detector.observe(running: true, frames: 1256, atNanoseconds: 5_300 * Self.ms, thread: alive) == .starved)
        #expect(detector.starvedEpisodes == 2)
    }

    @Test func aStillCounterWhoseThreadEndedIsReopened() {
        var detector = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 0) { .ended } == .keep)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 249 * Self.ms) { .ended } == .wait)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 250 * Self.ms) { .ended } == .reopen)
        // Unknown (it never called back): judged by the counter alone, as before.
        var fresh = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms)
        #expect(fresh.observe(running: true, frames: 0, atNanoseconds: 0) { .unknown } == .keep)
        #expect(fresh.observe(running: true, frames: 0, atNanoseconds: 250 * Self.ms) { .unknown } == .reopen)
        #expect(fresh.starvedEpisodes == 0)
    }

    @Test func aStarvedDriverThatEndsWhileWaitedForIsReopened() {
        var detector = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms)
        var thread = AudioStallDetector.DriverThread.alive
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 0) { thread } == .keep)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 300 * Self.ms) { thread } == .starved)
        thread = .ended
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 310 * Self.ms) { thread } == .reopen)
    }

    @Test func starvedPastTheLimitIsReopenedAfterAll() {
        var detector = AudioStallDetector(thresholdNanoseconds: 250 * Self.ms, starvedLimitNanoseconds: 30_000 * Self.ms)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 0) { .alive } == .keep)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 29_990 * Self.ms) { .alive } == .starved)
        #expect(detector.observe(running: true, frames: 1000, atNanoseconds: 30_000 * Self.ms) { .alive } == .reopen)
    }
}
