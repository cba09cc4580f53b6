import MusicCore
import Testing

@testable import Practice

@Suite struct PracticePlanTests {
    let tempo = Tempo(bpm: 120)!
    let blues = try! ChordChart.parse("Key = F\n[A]\nF7 | Bb7 | F7 | F7 |\n Bb7 | Bb7 | F7 | D7 |\n Gm7 | C7 | F7 D7 | Gm7 C7 |")
    let aaba = try! ChordChart.parse("Form = A A B A\n[A]\nC | G7 |\n[B]\nF | F |")

    func plan(_ chart: ChordChart? = nil, _ change: (inout PracticeSettings) -> Void) throws -> PracticePlan {
        var s = PracticeSettings()
        change(&s)
        return try PracticePlan(chart: chart ?? blues, settings: s, tempo: tempo)
    }

    func roots(_ bar: PracticeBar) -> [Int] { bar.changes.compactMap { $0.chord?.root.rawValue } }

    @Test func choruses() throws {
        let p = try plan { $0.choruses = 3 }
        let bars = try p.bars()
        #expect(bars.count == 36 && p.barCount == 36)
        #expect(bars.map(\.pass) == (0..<3).flatMap { c in Array(repeating: c, count: 12) })
        #expect(bars.allSatisfy { $0.tempo == tempo && $0.bandPlays && $0.transposition == 0 })
        #expect(bars[10].changes.map(\.offset) == [0, 3840])
        #expect(p.bar(36) == nil)
    }

    @Test func rampGoesUpEachPassAndStops() throws {
        let p = try plan {
            $0.choruses = 5
            $0.ramp = TempoRamp("100:120:+8")
        }
        #expect((0..<5).map { p.tempo(pass: $0).bpm.rounded() } == [100, 108, 116, 120, 120])
        #expect(try p.bars().filter(\.startsPass).map { $0.tempo.bpm.rounded() } == [100, 108, 116, 120, 120])
        #expect(TempoRamp("160:100:-20")!.bpm(pass: 2) == 120)
        #expect(TempoRamp("100:160:-5") == nil && TempoRamp("100:500:+5") == nil && TempoRamp("fast") == nil)
        #expect(TempoRamp("100:160") == TempoRamp(from: 100, to: 160, step: 5))
    }

    @Test func keyCycles() throws {
        #expect((0..<4).map { KeyCycle.fourths.transposition(pass: $0, home: .f) } == [0, 5, 10, 3])
        #expect((0..<4).map { KeyCycle.fifths.transposition(pass: $0, home: .f) } == [0, 7, 2, 9])
        #expect((0..<13).map { KeyCycle.chromatic.transposition(pass: $0, home: .c) } == Array(0..<12) + [0])
        #expect(KeyCycle("C,F,Bb")!.transposition(pass: 1, home: .c) == 5)
        #expect(KeyCycle("Eb,Ab")!.transposition(pass: 0, home: .c) == 3)
        // Random: the same seed gives the same keys, each pass another key than the last.
        let a = (0..<20).map { KeyCycle.random(seed: 7).transposition(pass: $0, home: .c) }
        #expect(a == (0..<20).map { KeyCycle.random(seed: 7).transposition(pass: $0, home: .c) })
        #expect(a[0] == 0 && zip(a, a.dropFirst()).allSatisfy { $0 != $1 })
        #expect(a != (0..<20).map { KeyCycle.random(seed: 8).transposition(pass: $0, home: .c) })
        #expect(KeyCycle("H,C") == nil && KeyCycle("sideways") == nil)

        let p = try plan {
            $0.choruses = 3
            $0.keys = .fourths
        }
        let bars = try p.bars()
        // F7 in F, Bb, Eb: chords move with the key, symbols are respelled.
        #expect(bars.filter(\.startsPass).map { $0.changes[0].symbol } == ["F7", "Bb7", "Eb7"])
        #expect(bars.filter(\.startsPass).map { $0.key?.description } == ["F", "Bb", "Eb"])
        #expect(bars[12].changes[0].chord == Chord(root: .bFlat, type: .dominant7))
        #expect(roots(bars[13]) == [3])  // Bb7 up a fourth: Eb7
    }

    @Test func loopsOfBarsAndSections() throws {
        let p = try plan {
            $0.loop = PracticeLoop("9-12x3")
            $0.keys = .chromatic
        }
        let bars = try p.bars()
        #expect(bars.count == 12)
        #expect(bars.map(\.written) == [8, 9, 10, 11, 8, 9, 10, 11, 8, 9, 10, 11])
        #expect(bars.map(\.pass) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
        #expect(bars.map(\.transposition) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
        let b = try plan(aaba) { $0.loop = PracticeLoop("B x2") }
        #expect(try b.bars().map(\.written) == [2, 3, 2, 3])
        // Endless: any bar can be asked for; bars() refuses.
        let endless = try plan { $0.loop = PracticeLoop("1-4") }
        #expect(endless.barCount == nil)
        #expect(endless.bar(4001)?.written == 1)
        #expect(throws: PracticeError.self) { try endless.bars() }
        #expect(throws: PracticeError("loop 9-14: the song has 12 bars (repeats and form expanded)")) {
            try plan { $0.loop = PracticeLoop("9-14x2") }
        }
        #expect(throws: PracticeError("loop C: no such section (the song has A B)")) {
            try plan(aaba) { $0.loop = PracticeLoop("C x2") }
        }
        #expect(PracticeLoop("5-8x4") == PracticeLoop(span: .bars(5, 8), times: 4))
        #expect(PracticeLoop("Bridge x3") == PracticeLoop(span: .section("Bridge"), times: 3))
        #expect(PracticeLoop("7") == PracticeLoop(span: .bars(7, 7), times: nil))
        #expect(PracticeLoop("8-5") == nil && PracticeLoop("0-2") == nil)
    }

    @Test func chordBreaksRestTheLastBarsOfEachGroup() throws {
        let p = try plan {
            $0.choruses = 2
            $0.breaks = ChordBreaks(rest: 2, every: 8)
        }
        let resting = try p.bars().filter { !$0.bandPlays }.map(\.index)
        #expect(resting == [6, 7, 14, 15, 22, 23])
        #expect(ChordBreaks(rest: 4, every: 4) == nil && ChordBreaks(rest: 0, every: 4) == nil)
    }

    @Test func theNextChordIsKnownAhead() throws {
        let p = try plan {
            $0.choruses = 2
            $0.keys = .fourths
        }
        let bars = try p.bars()
        #expect(bars[0].next?.symbol == "Bb7")
        #expect(bars[2].next?.symbol == "Bb7")  // F7 | F7 | Bb7: two bars ahead
        #expect(bars[11].next?.symbol == "Bb7")  // the next chorus, a fourth up: Bb7
        #expect(bars[11].next?.chord == Chord(root: .bFlat, type: .dominant7))
        #expect(bars[23].next == nil)
    }

    @Test func transposingInstrumentsSeeTheirOwnSymbols() throws {
        let chart = try ChordChart.parse("Key = C\nDm7 | G7/B | Cmaj7 |")
        func shown(_ instrument: TransposingInstrument) throws -> [String] {
            try plan(chart) { $0.display = instrument }.bars().flatMap { $0.changes.map(\.display) }
        }
        #expect(try shown(.concert) == ["Dm7", "G7/B", "Cmaj7"])
        #expect(try shown(.bFlat) == ["Em7", "A7/C#", "Dmaj7"])
        #expect(try shown(.eFlat) == ["Bm7", "E7/G#", "Amaj7"])
        #expect(try shown(.f) == ["Am7", "D7/F#", "Gmaj7"])
        // The sound stays in concert pitch.
        #expect(try plan(chart) { $0.display = .bFlat }.bars()[0].changes[0].chord == Chord(root: .d, type: .minor7))
    }

    @Test func formAndSections() throws {
        let bars = try plan(aaba) { _ in }.bars()
        #expect(bars.map(\.written) == [0, 1, 0, 1, 2, 3, 0, 1])
        #expect(bars.filter(\.startsSection).map(\.section) == ["A", "A", "B", "A"])
    }

    @Test func anIntroAndACodaPlayOnceWhateverTheChoruses() throws {
        let song = try ChordChart.parse("Form = Intro A B Coda\n[Intro]\nG7 | G7 |\n[A]\nC | F |\n[B]\nDm | G |\n[Coda]\nC | C |")
        let p = try plan(song) {
            $0.choruses = 3
            $0.keys = .fourths
        }
        let bars = try p.bars()
        #expect(p.introBars == 2 && p.codaBars == 2)
        #expect(bars.count == 2 + 3 * 4 + 2 && p.barCount == bars.count)
        #expect(bars.map(\.written) == [0, 1] + [2, 3, 4, 5] + [2, 3, 4, 5] + [2, 3, 4, 5] + [6, 7])
        #expect(bars.map(\.pass) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2])
        #expect(bars.filter(\.startsPass).map(\.index) == [0, 6, 10])
        #expect(bars[13].next?.symbol == "Bb")  // the coda, in the last chorus' key (C up two fourths)
        // One chorus plays the whole form; a loop plays what it names.
        #expect(try plan(song) { _ in }.bars().count == 8)
        #expect(try plan(song) { $0.loop = PracticeLoop("Intro x2") }.bars().map(\.written) == [0, 1, 0, 1])
    }

    @Test func settingsOutOfRangeAreRefused() {
        #expect(throws: PracticeError("count-in must be 0, 1 or 2 bars")) { try plan { $0.countIn.bars = 3 } }
        #expect(throws: PracticeError("the chart has no chords")) { try plan(try ChordChart.parse("NC | NC |")) { _ in } }
    }
}
