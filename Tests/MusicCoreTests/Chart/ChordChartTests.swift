import Testing
@testable import MusicCore

@Suite struct ChordChartTests {
    static let bar = 4 * 1920

    @Test func readsAOneLineChart() throws {
        let chart = try ChordChart.parse("C7 | F7 | C7 | C7 |")
        #expect(chart.title == "")
        #expect(chart.meter == .fourFour)
        #expect(chart.bars.map { $0.map(\.symbol.text) } == [["C7"], ["F7"], ["C7"], ["C7"]])
        let changes = chart.changes(choruses: 2)
        #expect(changes == [
            ChordChange(tick: 0, chord: Chord(root: .c, type: .dominant7), symbol: "C7"),
            ChordChange(tick: Self.bar, chord: Chord(root: .f, type: .dominant7), symbol: "F7"),
            ChordChange(tick: 2 * Self.bar, chord: Chord(root: .c, type: .dominant7), symbol: "C7"),
            ChordChange(tick: 5 * Self.bar, chord: Chord(root: .f, type: .dominant7), symbol: "F7"),
            ChordChange(tick: 6 * Self.bar, chord: Chord(root: .c, type: .dominant7), symbol: "C7"),
        ])
        #expect(chart.ticksPerChorus() == 4 * Self.bar)
        #expect(try ChordChart.parse("C7 | F7 | C7 | C7").bars.count == 4)
        #expect(try ChordChart.parse("| C7 || F7 |").bars.count == 2)
    }

    @Test func chordsShareTheBarEquallyInAnyMeter() throws {
        let chart = try ChordChart.parse("TimeSig = 3 4\nC F G | Am |\nDm G7 |")
        #expect(chart.meter == .threeFour)
        #expect(chart.changes().map(\.tick) == [0, 1920, 3840, 5760, 11520, 11520 + 2880])
        let eights = try ChordChart.parse("TimeSig = 6/8\nBars = 1\nC G |")
        #expect(eights.changes(ppq: 480).map(\.tick) == [0, 720])
        // Three chords in a 4/4 bar at 1920 PPQ: 2560 ticks each.
        #expect(try ChordChart.parse("C D E |").changes().map(\.tick) == [0, 2560, 5120])
    }

    @Test func repeatSignsAndNoChord() throws {
        let chart = try ChordChart.parse("C / F / | % | NC | G7 / / / |")
        #expect(chart.bars.count == 4)
        #expect(chart.bars[0].map(\.symbol.text) == ["C", "C", "F", "F"])
        #expect(chart.bars[1] == chart.bars[0])
        let changes = chart.changes()
        #expect(changes.map(\.tick) == [0, 3840, 7680, 11520, 15360, 23040])
        #expect(changes.map(\.symbol) == ["C", "F", "C", "F", "NC", "G7"])
        #expect(changes[4].chord == nil)
    }

    @Test func errorsNameTheLineAndTheSymbol() {
        func error(_ text: String) -> ChordChartError? {
            do {
                _ = try ChordChart.parse(text, source: "tune.txt")
                return nil
            } catch {
                return error
            }
        }
        let bad = error("Title = X\nTimeSig = 4 4\nC | F |\nC | Cxyz G |\n")
        #expect(bad?.line == 4)
        #expect(bad?.symbol == "Cxyz")
        #expect(bad?.description.hasPrefix("tune.txt line 4: unknown chord symbol \"Cxyz\"") == true)
        #expect(error("Bars = 3\nC | F |")?.description == "tune.txt line 1: Bars = 3 but the chart has 2 bars")
        #expect(error("TimeSig = 4 5\nC |")?.line == 1)
        #expect(error("% | C |")?.symbol == "%")
        #expect(error("C % | D |")?.symbol == "%")
        #expect(error("/ C |")?.symbol == "/")
        #expect(error("Title = Empty\n")?.reason.contains("no bars") == true)
        #expect(error("C | H7 |")?.description.contains("\"H7\"") == true)
    }

    @Test func writesChartsThatReadBack() throws {
        let chart = try ChordChart.parse("Title = Test\nComposedBy = Nobody\nTimeSig = 3 4\nC | F G | % | Bbm7b5 E7#9 | A7alt | NC |")
        let again = try ChordChart.parse(chart.text)
        #expect(again.bars == chart.bars)
        #expect(again.title == "Test" && again.meter == .threeFour && again.header["ComposedBy"] == "Nobody")
        #expect(again.header["Bars"] == "6")
    }
}

@Suite(.enabled(if: TestData.exists("charts"), "skipped: ../shared/testdata/charts not found"))
struct ChordChartFileTests {
    static let expectedBars = [
        "12-barBlues.txt": 12, "8-BarBlues.txt": 8, "AllTheThingsYouAre.txt": 36, "AutumnLeaves.txt": 32,
        "BlueBossa.txt": 16, "HaveYouMetMissJones.txt": 32,
    ]

    @Test func readsEverySharedChart() throws {
        let files = TestData.files(in: "charts")
        #expect(Set(files.map(\.lastPathComponent)) == Set(Self.expectedBars.keys))
        for url in files {
            let name = url.lastPathComponent
            let text = try TestData.text(url)
            let chart: ChordChart
            do {
                chart = try ChordChart.parse(text, source: name)
            } catch {
                Issue.record("\(error)")
                continue
            }
            #expect(chart.bars.count == Self.expectedBars[name], "\(name)")
            #expect(!chart.title.isEmpty && chart.meter == .fourFour, "\(name)")
            #expect(chart.header["ComposedBy"] != nil, "\(name)")
            // Every symbol in the file (split by hand here) is read as a chord.
            let symbols = text.split(separator: "\n").filter { !$0.contains("=") }
                .flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "|" }) }
            #expect(symbols.count == chart.bars.joined().count, "\(name)")
            for s in symbols {
                #expect((try? ChordSymbol.parse(s))?.chord != nil, "\(name): \(s)")
            }
            let changes = chart.changes(choruses: 3)
            #expect(changes.first?.tick == 0)
            #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.tick < $1.tick }, "\(name)")
            #expect(changes.last!.tick < 3 * chart.ticksPerChorus(), "\(name)")
            #expect(try ChordChart.parse(chart.text) == chart, "\(name)")
        }
    }

    @Test func twelveBarBluesChangesLandOnTheBeats() throws {
        let url = TestData.directory("charts").appendingPathComponent("12-barBlues.txt")
        let chart = try ChordChart.parse(try TestData.text(url))
        #expect(chart.title == "12-Bar Blues")
        let bar = 7680
        let changes = chart.changes(choruses: 2)
        let first = Array(changes.prefix(6))
        #expect(first == [
            ChordChange(tick: 0, chord: Chord(root: .f, type: .thirteen), symbol: "F13"),
            ChordChange(tick: bar, chord: Chord(root: .bFlat, type: .thirteen), symbol: "Bb13"),
            ChordChange(tick: bar + bar / 2, chord: Chord(root: .b, type: .diminished7), symbol: "Bo7"),
            ChordChange(tick: 2 * bar, chord: Chord(root: .f, type: .thirteen), symbol: "F13"),
            ChordChange(tick: 3 * bar, chord: Chord(root: .c, type: .minor9), symbol: "Cm9"),
            ChordChange(tick: 3 * bar + bar / 2, chord: Chord(root: .f, type: .sevenFlat9), symbol: "F13b9"),
        ])
        // D7#5#9 plays as D7aug; the second chorus starts again on F13 at bar 12.
        #expect(changes.contains(ChordChange(tick: 7 * bar, chord: Chord(root: .d, type: .sevenSharp5), symbol: "D7#5#9")))
        #expect(changes.contains(ChordChange(tick: 12 * bar, chord: Chord(root: .f, type: .thirteen), symbol: "F13")))
    }
}
