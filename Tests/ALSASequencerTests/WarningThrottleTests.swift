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
