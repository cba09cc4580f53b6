import Testing

@testable import MusicCore

/// Songs: sections, repeats, endings, form and settings in the chart format.
@Suite struct ChordChartSongTests {
    func played(_ text: String) throws -> [String] {
        try ChordChart.parse(text).playedBars().map { $0.chords.map(\.symbol.text).joined(separator: " ") }
    }

    @Test func repeatsAndEndingsExpand() throws {
        #expect(try played("|: C | F :| G |") == ["C", "F", "C", "F", "G"])
        #expect(try played("|: C | F :|x3") == ["C", "F", "C", "F", "C", "F"])
        #expect(try played("|: C |1. F | G :|2. Am | Dm || E |") == ["C", "F", "G", "C", "Am", "Dm", "E"])
        // A repeat without "|:" goes back to the start (or to the bar after the last repeat).
        #expect(try played("C | D :| E | F :|") == ["C", "D", "C", "D", "E", "F", "E", "F"])
        // "1.2." plays on two passes.
        #expect(try played("|: C |1.2. D :|x3 3. E |") == ["C", "D", "C", "D", "C", "E"])
    }

    /// A repeat plays its chords again: the changes follow the bars as played, not as written
    /// (a property the chart fuzzer once stated over the written bars).
    @Test func changesFollowThePlayedBars() throws {
        let chart = try ChordChart.parse("|: C | F :|x3")
        #expect(chart.changes(choruses: 2).map(\.symbol) == Array(repeating: ["C", "F"], count: 6).flatMap { $0 })
        #expect(chart.changes(choruses: 2).count > 2 * chart.bars.joined().count)
    }

    @Test func sectionsAndForm() throws {
        let chart = try ChordChart.parse("""
            Title = Drill
            Form = A A B A
            [A]
             C | G |
            [B] F | F |
            """)
        #expect(chart.sections.map(\.name) == ["A", "B"])
        #expect(chart.sections.map(\.range) == [0..<2, 2..<4])
        let bars = chart.playedBars()
        #expect(bars.map(\.written) == [0, 1, 0, 1, 2, 3, 0, 1])
        #expect(bars.map(\.section) == ["A", "A", "A", "A", "B", "B", "A", "A"])
        #expect(bars.filter(\.startsSection).count == 4)
        #expect(chart.ticksPerChorus() == 8 * Meter.fourFour.ticksPerBar())
        // Without a Form, the sections play as written.
        #expect(try played("[A]\nC |\n[B]\nF |") == ["C", "F"])
    }

    @Test func settingsAreRead() throws {
        let chart = try ChordChart.parse("Style = bossa-nova\nTempo = 136\nKey = Am\nComposer = Someone\nAm7 |")
        #expect(chart.style == "bossa-nova")
        #expect(chart.tempo == Tempo(bpm: 136))
        #expect(chart.key == ChartKey(tonic: .a, minor: true))
        #expect(chart.composer == "Someone")
        // Without Key: the first chord's root (and whether it is minor).
        #expect(try ChordChart.parse("Ebm7 | Ab7 |").key == ChartKey(tonic: .eFlat, minor: true))
        #expect(ChartKey("C-") == ChartKey(tonic: .c, minor: true))
        #expect(ChartKey("Bb") == ChartKey(tonic: .bFlat))
        #expect(ChartKey("H") == nil)
    }

    @Test func textRoundTripsWithMarks() throws {
        let source = """
            Title = Round
            Form = A B A
            [A]
            |: C | F |1. G :|2. G7 || C |
            [B]
            |: Dm7 | G7 :|x3
            """
        let chart = try ChordChart.parse(source)
        let again = try ChordChart.parse(chart.text)
        #expect(again.bars == chart.bars && again.sections == chart.sections && again.marks == chart.marks && again.form == chart.form)
        #expect(try ChordChart.parse(again.text) == again)
        #expect(again.playedBars() == chart.playedBars())
        // A: C F G, C F G7, C (7 bars); B: Dm7 G7 three times (6); then A again.
        #expect(again.playedBars().count == 20)
    }

    @Test func oldChartsReadAsBefore() throws {
        let chart = try ChordChart.parse("Title = X\nC7 | F7 | % |")
        #expect(chart.sections.isEmpty && chart.marks.isEmpty && chart.form.isEmpty)
        #expect(chart.playedBars().map(\.written) == [0, 1, 2])
    }

    @Test func mistakesAreOneLineNamingTheLine() {
        func error(_ text: String) -> String {
            do {
                _ = try ChordChart.parse(text, source: "song.chart")
                return ""
            } catch {
                return error.description
            }
        }
        #expect(error("Form = A C\n[A]\nC |") == "song.chart line 1: Form names section \"C\", which the chart does not have (it has A)")
        #expect(error("C 1. F |") == "song.chart line 1: an ending mark (\"1.\") must start its bar")
        #expect(error("Tempo = fast\nC |") == "song.chart line 1: Tempo \"fast\" is not 20...400 BPM")
        #expect(error("Key = H\nC |") == "song.chart line 1: Key \"H\" is not a key (e.g. F, Bb, C#m, Ebm)")
        #expect(error("[A]\n[B]\nC |") == "song.chart line 1: section [A] has no bars")
        #expect(error("[A]\nC |\n[A]\nD |") == "song.chart line 3: section [A] is given twice")
        #expect(error("C |\n[A]\nD |") == "song.chart line 2: bars before the first section: put a section mark such as [A] above them")
        #expect(error("C | x3") == "song.chart line 1: \"x3\" (play N times) must follow \":|\"")
        #expect(error(":| C |") == "song.chart line 1: \":|\" closes a repeat, but there is no bar before it")
    }
}
