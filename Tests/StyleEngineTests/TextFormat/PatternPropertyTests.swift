import MusicCore
import Testing
@testable import StyleEngine

/// Random but reproducible patterns: ticks always follow from the written steps and durations.
@Suite struct PatternPropertyTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func everyStepCountThatDividesTheBarPlacesHitsExactly() throws {
        var random = Random(state: 7)
        for meter in ["4/4", "3/4", "6/8", "5/4", "12/8"] {
            let bar = Meter(meter)!.ticksPerBar()
            for steps in 1...48 where bar % steps == 0 {
                let cells = (0..<steps).map { _ in random.next(3) == 0 ? "x" : "." }
                let notes = try StyleFixtures.notes(
                    "section Main A\nbars 1\nrhythm1:\nsnare " + cells.joined(separator: " "), part: .rhythm1, meter: meter)
                let expected = cells.enumerated().filter { $0.element == "x" }.map { $0.offset * bar / steps }
                #expect(notes.map(\.tick) == expected, "\(meter), \(steps) steps")
                #expect(notes.allSatisfy { $0.duration == bar / steps })
            }
        }
    }

    @Test func noteLinesPlaceEachNoteAtTheSumOfTheDurationsBeforeIt() throws {
        let values: [(String, Int)] = [("w", 7680), ("h", 3840), ("q", 1920), ("e", 960), ("s", 480), ("q.", 2880), ("e3", 640), ("q3", 1280), ("e+s", 1440), ("t3", 160)]
        var random = Random(state: 42)
        for _ in 0..<50 {
            var tokens: [String] = []
            var expected: [(tick: Int, duration: Int, note: Int)] = []
            var position = 0
            let length = 2 * 7680
            while position < length {
                let fitting = values.filter { position + $0.1 <= length }
                // Every value is a multiple of 160 ticks, so something always fits.
            let (spec, ticks) = fitting[random.next(fitting.count)]
                let note = 36 + random.next(20)
                if random.next(5) == 0 {
                    tokens.append("r/\(spec)")
                } else {
                    tokens.append(NoteName.name(of: UInt7(note)!) + "/\(spec)")
                    expected.append((position, ticks, note))
                }
                position += ticks
                if position % 7680 == 0 && position < length { tokens.append("|") }
            }
            let notes = try StyleFixtures.notes("section Main A\nbars 2\nbass:\n" + tokens.joined(separator: " "), part: .bass)
            #expect(notes.map(\.tick) == expected.map(\.tick), "\(tokens)")
            #expect(notes.map(\.duration) == expected.map(\.duration))
            #expect(notes.map(\.note.intValue) == expected.map(\.note))
        }
    }
}
