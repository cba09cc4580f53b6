import Testing

@testable import ALSASequencer

/// A MIDI flood overruns the input thousands of times a second: one line a second, with
/// the count, and no overrun goes uncounted.
@Suite struct WarningThrottleTests {
    @Test func aFloodGivesOneLineASecondWithTheCount() {
        var throttle = WarningThrottle()
        var lines: [Int] = []
        let start: UInt64 = 7_000_000_000
        for i in 0..<60_000 {  // 20,000 a second for 3 s
            if let n = throttle.record(atNanoseconds: start + UInt64(i) * 50_000) { lines.append(n) }
        }
        #expect(lines.count == 3)
        #expect(lines.first == 1, "the first is told at once")
        #expect(lines.dropFirst().allSatisfy { $0 == 20_000 })
        // Later, a lone overrun is told at once, with those held back since the last line.
        let late = throttle.record(atNanoseconds: start + 10_000_000_000)
        #expect(late == 19_999 + 1)
    }
}

/// The end of a burst: what was held back is told once the interval has passed, even when
/// nothing happens again, so the journal's count is complete.
@Suite struct WarningThrottleDueTests {
    @Test func heldOccurrencesAreToldOnceDueWithoutANewOne() {
        var throttle = WarningThrottle(intervalNanoseconds: 2_000_000_000)
        #expect(throttle.due(atNanoseconds: 0) == nil, "nothing happened")
        #expect(throttle.record(atNanoseconds: 1_000_000_000) == 1)
        #expect(throttle.deadline == nil, "nothing held")
        for i in 1...500 { #expect(throttle.record(atNanoseconds: 1_000_000_000 + UInt64(i) * 1_000_000) == nil) }
        #expect(throttle.deadline == 3_000_000_000)
        #expect(throttle.due(atNanoseconds: 2_900_000_000) == nil, "not yet")
        #expect(throttle.due(atNanoseconds: 3_000_000_000) == 500)
        #expect(throttle.due(atNanoseconds: 9_000_000_000) == nil, "told once")
        #expect(throttle.deadline == nil)
    }
}
