import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import Practice

@Suite struct PracticeScoreTests {
    let bar = Meter.fourFour.ticksPerBar()

    /// Two mains, a two-bar intro and ending, a bass and a pad; patterns do not matter here.
    var style: Style {
        var sections: [SectionID: Section] = [:]
        for m in [SectionID.MainVariation.a, .b] { sections[.main(m)] = Section(id: .main(m), length: bar, parts: [:]) }
        sections[.intro(1)] = Section(id: .intro(1), length: 2 * bar, parts: [:])
        sections[.ending(1)] = Section(id: .ending(1), length: 2 * bar, parts: [:])
        return Style(name: "t", title: "T", genre: "T", meter: .fourFour, tempo: Tempo(bpm: 120)!,
                     parts: [.bass: PartSetup(program: 32), .pad: PartSetup(program: 48)], sections: sections)
    }

    func plan(_ text: String, _ change: (inout PracticeSettings) -> Void) throws -> PracticePlan {
        var s = PracticeSettings()
        change(&s)
        return try PracticePlan(chart: try ChordChart.parse(text), settings: s, tempo: Tempo(bpm: 120)!)
    }

    func all(_ score: inout PracticeScore, limit: Int = 10_000) -> [PracticeScore.Timed] {
        var result: [PracticeScore.Timed] = []
        var n = 0
        while n < limit, let events = score.next() {
            result += events
            n += 1
        }
        return result
    }

    @Test func aSongFromTheFirstClickToTheEnding() throws {
        let p = try plan("C | F | G7 | G7 |") {
            $0.choruses = 2
            $0.countIn = CountIn(bars: 1)
            $0.intro = true
            $0.ending = true
            $0.keys = .fifths
            $0.breaks = ChordBreaks(rest: 1, every: 4)
        }
        var score = try PracticeScore(plan: p, style: style, minusOne: [.pad], volumes: [.bass: 90])
        #expect(score.bandStart == bar && score.chartStart == 3 * bar && score.end == nil)
        let events = all(&score)
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.tick <= $1.tick }, "in time order")
        // Four clicks, then the band: the player's part stays muted, the others unmuted.
        #expect(events.filter { if case .cue(.click(let e)) = $0.event { e.isNoteOn && $0.tick < bar } else { false } }.count == 4)
        let atStart = events.filter { $0.tick == bar }.map(\.event)
        #expect(atStart.contains(.cue(.command(.mute(.pad, true)))) && atStart.contains(.cue(.command(.mute(.bass, false)))))
        #expect(atStart.contains(.cue(.command(.volume(.bass, 90)))) && atStart.contains(.intro))
        #expect(atStart.last == .cue(.command(.section(.intro(1)))))
        // Bars after the intro; the break's mutes leave the pad alone.
        #expect(events.compactMap { if case .bar(let n) = $0.event { $0.tick == 3 * bar + n * bar ? n : -1 } else { nil } } == Array(0..<8))
        #expect(!events.contains { $0.tick > bar && $0.event == .cue(.command(.mute(.pad, false))) })
        #expect(events.filter { $0.event == .cue(.command(.mute(.bass, true))) }.map(\.tick) == [6 * bar, 10 * bar])
        // The ending: asked for half way through the last bar, home in the last pass's key (G).
        let chartEnd = 11 * bar
        #expect(events.contains { $0.tick == chartEnd - bar / 2 && $0.event == .cue(.command(.section(.ending(1)))) })
        #expect(events.contains { $0.tick == chartEnd && $0.event == .cue(.command(.chord(Chord(root: .g, type: .major)))) })
        #expect(events.last.map { $0.tick == chartEnd + 2 * bar && $0.event == .end } == true)
        #expect(score.end == chartEnd + 2 * bar && score.next() == nil)
    }

    @Test func anEndlessLoopIsReadForEver() throws {
        let p = try plan("Dm7 | G7 | Cmaj7 | Cmaj7 |") {
            $0.loop = PracticeLoop("1-2")
            $0.keys = .random(seed: 4)
            $0.ramp = TempoRamp("100:200:+10")
        }
        var score = try PracticeScore(plan: p, style: style)
        let events = all(&score, limit: 1 + 2 * 60)
        #expect(score.end == nil)
        let bars = events.filter { if case .bar = $0.event { true } else { false } }
        #expect(bars.count == 120 && bars.last?.tick == 119 * bar)
        // Pass by pass, the chord each starts on follows the plan past the first twelve keys.
        let firsts = events.compactMap { e -> Chord?? in
            if case .cue(.command(.chord(let c))) = e.event, e.tick % (2 * bar) == 0 { .some(c) } else { nil }
        }
        #expect(Array(firsts.dropFirst().prefix(40)) == (1...40).map { p.bar(2 * $0)?.changes.first?.chord })
        let tempos = events.compactMap { if case .cue(.command(.tempo(let t))) = $0.event { t.bpm.rounded() } else { nil } }
        #expect(Array(tempos.prefix(12)) == [100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200])
    }

    @Test func whatCannotBePlayedIsOneLine() throws {
        let drumsAndIntro = try plan("C |") {
            $0.countIn = CountIn(bars: 1, kind: .drums)
            $0.intro = true
        }
        #expect(throws: PracticeError("a count-in on the drums and an intro both lead in: choose one")) {
            try PracticeScore(plan: drumsAndIntro, style: style)
        }
        var bare = style
        bare.sections[.ending(1)] = nil
        let ending = try plan("C |") { $0.ending = true }
        #expect(throws: PracticeError("style 't' has no Ending 1")) { try PracticeScore(plan: ending, style: bare) }
        let silentLoop = try plan("NC | C |") { $0.loop = PracticeLoop("1-1") }
        #expect(throws: PracticeError("the chart has no chords")) { try PracticeScore(plan: silentLoop, style: style) }
    }
}
