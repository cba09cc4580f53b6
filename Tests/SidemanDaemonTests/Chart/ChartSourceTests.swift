import AllocationCounting
import Arranger
import MusicCore
import Practice
import StyleEngine
import Testing

@testable import SidemanDaemon

/// The chart source driven block by block against the real engine, on a virtual clock.
@Suite struct ChartSourceTests {
    static func plan(_ text: String, _ configure: (inout PracticeSettings) -> Void = { _ in }, tempo: Double = 120) throws -> PracticePlan {
        var settings = PracticeSettings()
        configure(&settings)
        return try PracticePlan(chart: try ChordChart.parse(text, source: "test"), settings: settings, tempo: Tempo(bpm: tempo)!)
    }

    static let blues = "C7 | F7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | G7 |"
    /// Frames in a 4/4 bar at 120 BPM, 48 kHz.
    static let barFrames = 96_000

    @Test func eachBarSoundsTheChartChord() throws {
        var d = try ChartDriver()
        let plan = try Self.plan(Self.blues)
        try d.load(plan)
        d.runToEnd()
        let expected = try plan.bars().map { $0.changes.first?.chord }
        #expect(d.chordsPerBar == expected)
        #expect(d.source.phase == .finished)
        #expect(d.sink.sounding.isEmpty, "every note ended")
        // The band starts at once and bar n begins n bars later, to the block.
        let bars = d.notices.compactMap { f, n -> Int? in if case .bar = n { f } else { nil } }
        for (n, f) in bars.enumerated() { #expect(abs(f - n * Self.barFrames) < 64, "bar \(n + 1) at \(f)") }
    }

    @Test func countInClicksBeforeTheBand() throws {
        var d = try ChartDriver()
        try d.load(try Self.plan("Dm7 | G7 | Cmaj7 | Cmaj7 |") { $0.countIn = CountIn(bars: 1) })
        d.run(blocks: 2 * Self.barFrames / 64)
        let ons = d.clicks.filter { if case .noteOn = $0.event { true } else { false } }
        #expect(ons.count == 4)
        #expect(ons.allSatisfy { $0.event.channel == PracticeConductor.clickChannel })
        for (i, c) in ons.enumerated() { #expect(abs(c.frame - i * Self.barFrames / 4) < 64, "click \(i + 1) at \(c.frame)") }
        let started = d.notices.first { if case .started = $0.notice { true } else { false } }
        #expect(started.map { abs($0.frame - Self.barFrames) < 64 } == true, "the band starts after one bar")
        #expect(d.chordsPerBar.first == Chord(root: .d, type: .minor7))
    }

    @Test func anEndlessLoopGoesRoundTheKeysForEver() throws {
        var d = try ChartDriver()
        let plan = try Self.plan("Dm7 | G7 |") {
            $0.loop = PracticeLoop(span: .bars(1, 2), times: nil)
            $0.keys = .fourths
        }
        try d.load(plan)
        d.run(blocks: 60 * Self.barFrames / 64 + 10)  // past the 24-bar period, twice
        let heard = d.chordsPerBar
        #expect(heard.count >= 60)
        for (n, chord) in heard.prefix(60).enumerated() {
            #expect(chord == plan.bar(n)?.changes.first?.chord, "bar \(n + 1)")
        }
        #expect(d.source.phase == .playing)
    }

    @Test func anEndlessRandomKeyCycleNeverComesRound() throws {
        var d = try ChartDriver()
        let plan = try Self.plan("Dm7 |") {
            $0.loop = PracticeLoop(span: .bars(1, 1), times: nil)
            $0.keys = .random(seed: 11)
        }
        try d.load(plan)
        d.run(blocks: 40 * Self.barFrames / 64 + 10)  // forty passes: past three rounds of keys
        let heard = Array(d.chordsPerBar.prefix(40))
        #expect(heard.count == 40)
        #expect(heard == (0..<40).map { plan.bar($0)?.changes.first?.chord })
        let roots = heard.compactMap { $0?.root.rawValue }
        #expect(Set(roots.prefix(12)).count == 12 && Set(roots[12..<24]).count == 12, "all twelve keys each round")
        #expect(Array(roots[12..<24]) != Array(roots.prefix(12)) && Array(roots[24..<36]) != Array(roots[12..<24]))
        #expect(zip(roots, roots.dropFirst()).allSatisfy { $0 != $1 }, "never one key twice in a row")
        #expect(d.source.starvedBlocks == 0)
    }

    @Test func theTempoFollowsTheRampPassByPass() throws {
        var d = try ChartDriver()
        let plan = try Self.plan("Dm7 | G7 |") {
            $0.loop = PracticeLoop(span: .bars(1, 2), times: nil)
            $0.ramp = TempoRamp("100:120:+10")
        }
        try d.load(plan)
        d.run(blocks: 200_000)
        let changes = d.tempos.map { $0.bpm.rounded() }
        #expect(changes.prefix(3) == [100, 110, 120])
        #expect(d.band.engine.currentTempo.bpm.rounded() == 120)
        // Each step lands on a pass's first bar line (every 2 bars).
        let bars = d.notices.compactMap { f, n -> Int? in if case .bar = n { f } else { nil } }
        #expect(abs(d.tempos[1].frame - bars[2]) < 64 * 2)
        #expect(abs(d.tempos[2].frame - bars[4]) < 64 * 2)
    }

    @Test func chordBreaksMuteTheBandAndMinusOneStaysMuted() throws {
        var d = try ChartDriver()
        let plan = try Self.plan(Self.blues) { $0.breaks = ChordBreaks(rest: 2, every: 4) }
        try d.load(plan, muted: [.bass])
        d.runToEnd()
        let bassNotes = d.sink.events.filter { if case .noteOn(let c, _, let v) = $0 { c == PartID.bass.channel && v.rawValue > 0 } else { false } }
        #expect(bassNotes.isEmpty, "the player plays the bass")
        let bars = d.notices.compactMap { f, n -> Int? in if case .bar = n { f } else { nil } }
        #expect(bars.count >= 12)
        #expect(d.sink.sounding.isEmpty)
    }

    @Test func stoppingEndsEveryNoteAndTheClick() throws {
        var d = try ChartDriver()
        try d.load(try Self.plan(Self.blues) { $0.metronome = true })
        d.run(blocks: Self.barFrames / 64 + 17)
        var clicked: [MIDIEvent] = []
        d.source.stop(engine: &d.band.engine, click: { clicked.append($0) })
        for e in clicked { d.sink.play(e) }
        d.run(blocks: 4)
        #expect(d.sink.sounding.isEmpty)
        #expect(d.source.phase == .idle)
    }

    @Test func steppingAllocatesNothing() throws {
        let d = try ChartDriver()
        let plan = try Self.plan("Dm7 G7 | Cmaj7 | A7 | Dm7 G7 |") {
            $0.loop = PracticeLoop(span: .bars(1, 4), times: nil)
            $0.keys = .fifths
            $0.metronome = true
            $0.ramp = TempoRamp("90:130:+20")
        }
        let feed = ChartFeed(score: try PracticeScore(plan: plan, style: d.band.style))
        feed.fill()
        var incoming: ChartFeed? = feed
        var source = ChartSource(sampleRate: 48_000)
        var engine = d.band.engine
        source.load(&incoming, engine: &engine, click: { _ in })
        var sink = RecordingSink()
        sink.events.reserveCapacity(1_000_000)
        func block() {
            source.fire(frames: 64, engine: &engine, click: { sink.play($0) })
            engine.advance(frames: 64, emit: { sink.play($0.event) }, notify: { _ in })
            source.advance(frames: 64, engineTempo: engine.currentTempo)
        }
        // Warm up one pass, then count through many passes (tempo steps, key changes), the
        // feed read on between blocks (off the audio thread, as the daemon's tick reads it).
        for _ in 0..<(4 * Self.barFrames / 64) { block() }
        var allocations = 0
        for n in 0..<(120 * Self.barFrames / 64) {
            allocations += AllocationCounter.count { block() }
            if n % 8 == 0 { feed.fill() }
        }
        #expect(allocations == 0)
        #expect(source.bar > 100)
        #expect(source.starvedBlocks == 0)
    }
}
