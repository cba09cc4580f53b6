import Testing

@testable import SidemanDaemon

/// The real-time priority warning: once per driver thread, only when the thread is known to
/// run without it, and again for the new thread of a reopened card.
@Suite struct AudioWatchTests {
    /// The watch's answers to successive looks at the driver's thread (`replaced`: a reopen
    /// before that look).
    func answers(_ looks: [(isRealTime: Bool?, replaced: Bool)]) -> [Bool] {
        var watch = AudioWatch(detector: AudioStallDetector(sampleRate: 48_000, periodSize: 256))
        return looks.map { look in
            if look.replaced { watch.driverReplaced(atNanoseconds: 1_000_000_000) }
            return watch.lacksRealTimePriority(look.isRealTime)
        }
    }

    @Test func aThreadWithoutRealTimePriorityIsReportedOnce() {
        // Not called back yet (nothing known), then known: one line per driver, not per look.
        #expect(answers([(nil, false), (false, false), (false, false)]) == [false, true, false])
    }

    @Test func aRealTimeThreadIsNeverReported() {
        #expect(answers([(true, false), (true, false), (false, false)]) == [false, false, false])
    }

    @Test func aReopenedCardsNewThreadIsLookedAtAgain() {
        #expect(answers([(true, false), (nil, true), (false, false), (false, true)]) == [false, false, true, true])
    }
}
