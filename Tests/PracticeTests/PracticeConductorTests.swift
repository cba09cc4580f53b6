import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import Practice

@Suite struct PracticeConductorTests {
    let bar = Meter.fourFour.ticksPerBar()

    /// A style with two mains and one part; patterns do not matter to the conductor.
    var style: Style {
        var sections: [SectionID: Section] = [:]
        for m in [SectionID.MainVariation.a, .b] { sections[.main(m)] = Section(id: .main(m), length: bar, parts: [:]) }
        return Style(name: "t", title: "T", genre: "T", meter: .fourFour, tempo: Tempo(bpm: 120)!,
                     parts: [.bass: PartSetup(program: 32)], sections: sections)
    }

    @Test func eachBarTellsTheEngineWhatChanges() throws {
        let chart = try ChordChart.parse("[A]\nC | C | F | G7 |\nC | C | F G7 | C |")
        var settings = PracticeSettings()
        settings.choruses = 2
        settings.ramp = TempoRamp("100:110:+10")
        settings.breaks = ChordBreaks(rest: 1, every: 8)
        let plan = try PracticePlan(chart: chart, settings: settings, tempo: Tempo(bpm: 100)!)
        var conductor = try PracticeConductor(plan: plan, style: style)
        #expect(conductor.firstChord == Chord(root: .c, type: .major) && conductor.firstMain == .a)
        conductor.started(with: conductor.firstChord)
        var all: [(Tick, PracticeConductor.Cue)] = []
        for b in try plan.bars() { all += conductor.cues(for: b).map { (b.index * bar + $0.offset, $0.cue) } }
        all += conductor.finish().map { (16 * bar, $0) }
        let c = Chord(root: .c, type: .major), f = Chord(root: .f, type: .major), g7 = Chord(root: .g, type: .dominant7)
        // The first chord is already sounding: no command for it; "C | C" is one chord.
        #expect(!all.contains { $0.0 == 0 && $0.1 == .command(.chord(c)) })
        #expect(all.contains { $0 == (2 * bar, .command(.chord(f))) } && all.contains { $0 == (6 * bar + bar / 2, .command(.chord(g7))) })
        // Bar 8 of each eight rests; the band comes back after it.
        #expect(all.filter { $0.1 == .command(.mute(.bass, true)) }.map(\.0) == [7 * bar, 15 * bar])
        #expect(all.filter { $0.1 == .command(.mute(.bass, false)) }.map(\.0) == [8 * bar, 16 * bar])
        // Chorus 2: faster, and on Main B, asked for half way through bar 7 so the fill plays bar 8.
        #expect(all.contains { $0 == (8 * bar, .command(.tempo(Tempo(bpm: 110)!))) })
        #expect(all.filter { $0.1 == .command(.section(.main(.b))) }.map(\.0) == [6 * bar + bar / 2])
        #expect(all.filter { $0.1 == .marker("[A]") }.map(\.0) == [0, 8 * bar])
        #expect(conductor.clicks().filter { if case .click(let e) = $0.cue { e.isNoteOn } else { false } }.map(\.offset) == [0, 1920, 3840, 5760])
    }

    @Test func aStyleWithoutAMainIsRefused() throws {
        let empty = Style(name: "e", title: "E", genre: "E", meter: .fourFour, tempo: Tempo(bpm: 120)!, parts: [:], sections: [:])
        let plan = try PracticePlan(chart: try ChordChart.parse("C |"), settings: PracticeSettings(), tempo: Tempo(bpm: 120)!)
        #expect(throws: PracticeError("style 'e' has no Main section")) { try PracticeConductor(plan: plan, style: empty) }
    }
}
