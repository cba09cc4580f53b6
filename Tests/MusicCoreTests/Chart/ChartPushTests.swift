import Testing

@testable import MusicCore

/// Pushes in the chart format: `^F7` is played an eighth note ahead of its beat.
@Suite struct ChartPushTests {
    @Test func aCaretMarksAPush() throws {
        let chart = try ChordChart.parse("C7 ^F7 | ^Bb7 | C7 / ^G7/B / |")
        #expect(chart.bars[0].map(\.pushed) == [false, true])
        #expect(chart.bars[1].map(\.pushed) == [true])
        #expect(chart.bars[0][1].symbol.text == "F7" && chart.bars[0][1].chord == Chord(root: .f, type: .dominant7))
        // "/" repeats the chord, not its push.
        #expect(chart.bars[2].map(\.pushed) == [false, false, true, false])
        #expect(chart.bars[2][2].chord?.bass == .b)
        #expect(chart.bars[0].map(\.description) == ["C7", "^F7"])
    }

    @Test func aPushedChordIsNotTheSameChordUnpushed() throws {
        let chart = try ChordChart.parse("C7 | ^C7 |")
        #expect(chart.bars[0] != chart.bars[1])
        // As a change it is still C7 going on: nothing new sounds.
        #expect(chart.changes().map(\.symbol) == ["C7"])
    }

    @Test func pushesRoundTripThroughTheText() throws {
        let chart = try ChordChart.parse("[A]\n|: C7 | ^F7 :|\n[B]\n Dm7 ^G7 | ^C |")
        let again = try ChordChart.parse(chart.text)
        #expect(again.bars == chart.bars && again.playedBars() == chart.playedBars())
        #expect(chart.text.contains("^F7") && chart.text.contains("Dm7 ^G7"))
    }

    @Test(arguments: ["C | ^ F |", "C | ^/ |", "C | ^% |", "C | ^^F |"])
    func aCaretWithoutItsChordIsOneLine(text: String) {
        #expect(throws: ChordChartError.self) { try ChordChart.parse(text) }
        do {
            _ = try ChordChart.parse(text, source: "push.chart")
        } catch {
            #expect(error.description.hasPrefix("push.chart line 1:"), "\(error.description)")
            #expect(error.description.contains("\"^\" (a push) goes right before a chord") || error.description.contains("unknown chord"),
                    "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }
}
