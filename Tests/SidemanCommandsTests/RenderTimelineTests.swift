import Arranger
import MusicCore
import Practice
import StyleEngine
import Testing

@testable import SidemanCommands

/// A style with just the sections the timeline looks at; patterns do not matter here.
func timelineStyle(intro: Int? = 2, ending: Int? = 2, mains: [SectionID.MainVariation] = [.a, .b]) -> Style {
    let bar = Meter.fourFour.ticksPerBar()
    var sections: [SectionID: Section] = [:]
    for m in mains { sections[.main(m)] = Section(id: .main(m), length: 2 * bar, parts: [:]) }
    if let intro { sections[.intro(1)] = Section(id: .intro(1), length: intro * bar, parts: [:]) }
    if let ending { sections[.ending(1)] = Section(id: .ending(1), length: ending * bar, parts: [:]) }
    return Style(name: "test", title: "Test", genre: "Test", meter: .fourFour, tempo: Tempo(bpm: 120)!,
                 parts: [:], sections: sections)
}

func chord(_ root: Int, _ type: ChordType) -> Chord { Chord(root: PitchClass(wrapping: root), type: type) }

@Suite struct RenderTimelineTests {
    let bar = Meter.fourFour.ticksPerBar()
    let c7 = chord(0, .dominant7)
    let f7 = chord(5, .dominant7)
    let g7 = chord(7, .dominant7)

    var blues: ChordChart { chart([[c7], [f7], [c7], [c7], [f7], [f7], [c7], [c7], [g7], [f7], [c7], [g7]]) }

    func chart(_ bars: [[Chord?]]) -> ChordChart {
        ChordChart(title: "Blues", bars: bars.map { $0.map { ChartChord(ChordSymbol($0)) } })
    }

    /// The timeline of a chart practised with `settings`.
    func timeline(_ chart: ChordChart, style: Style = timelineStyle(), _ settings: PracticeSettings = PracticeSettings()) throws -> RenderTimeline {
        let plan: PracticePlan
        do {
            plan = try PracticePlan(chart: chart, settings: settings, tempo: Tempo(bpm: 120)!)
        } catch {
            throw RenderError.emptyChart
        }
        return try RenderTimeline(plan: plan, style: style)
    }

    func settings(choruses: Int = 1, intro: Bool = false, ending: Bool = false, countInBars: Int = 0) -> PracticeSettings {
        var s = PracticeSettings()
        s.choruses = choruses
        s.intro = intro
        s.ending = ending
        s.countIn = CountIn(bars: countInBars)
        return s
    }

    func commands(_ t: RenderTimeline) -> [(Tick, ArrangerCommand)] {
        t.items.compactMap { if case .command(let c) = $0.item { ($0.tick, c) } else { nil } }
    }

    /// The commands without the tempo and mixer the band is set to as it starts (as live, where
    /// the song before may have left them otherwise; a render's new engine has them already).
    func musical(_ t: RenderTimeline) -> [(Tick, ArrangerCommand)] {
        let start = t.bandStart
        return commands(t).filter { tick, command in
            guard tick == start else { return true }
            switch command {
            case .tempo(let tempo): return tempo != t.tempos[0].tempo
            case .mute(_, let on): return on
            case .syncStart(let on): return on
            default: return true
            }
        }
    }

    @Test func plainRenderStartsOnMainAAndStopsAfterTheLastChorus() throws {
        let t = try timeline(blues, settings(choruses: 2))
        let cs = musical(t)
        #expect(t.bandStart == 0 && t.chartStart == 0)
        #expect(commands(t).prefix(3).map(\.1) == [.tempo(Tempo(bpm: 120)!), .autoFill(true), .syncStart(false)])
        #expect(commands(t).filter { $0.1 == .mute(.bass, false) }.map(\.0) == [0], "the mixer as the song wants it")
        #expect(t.end == 24 * bar)
        #expect(cs.prefix(4).map(\.1) == [.autoFill(true), .chord(c7), .section(.main(.a)), .start])
        #expect(!cs.contains { $0.1 == .section(.intro(1)) })
        #expect(cs.last! == (24 * bar, .stop))
        // Chorus 2 asks for Main B in the middle of chorus 1's next-to-last bar: the fill
        // then plays the last bar.
        #expect(cs.contains { $0 == (10 * bar + bar / 2, .section(.main(.b))) })
        // Chord changes: only when the chord changes, including across the chorus boundary.
        let chords = cs.filter { if case .chord = $0.1 { true } else { false } }
        #expect(chords.map(\.0) == [0, 1, 2, 4, 6, 8, 9, 10, 11, 12, 13, 14, 16, 18, 20, 21, 22, 23].map { $0 * bar })
        #expect(t.items.map(\.tick) == t.items.map(\.tick).sorted())
    }

    @Test func countInIntroAndEnding() throws {
        let t = try timeline(blues, style: timelineStyle(intro: 2, ending: 3),
                             settings(choruses: 1, intro: true, ending: true, countInBars: 1))
        let clicks = t.items.filter { if case .click(let e) = $0.item { e.isNoteOn } else { false } }
        #expect(clicks.map(\.tick) == [0, 1920, 3840, 5760])
        #expect(t.bandStart == bar && t.chartStart == 3 * bar)
        let cs = musical(t)
        // Main A is selected before the intro starts, so the intro leads into it.
        #expect(cs.filter { $0.0 == bar }.map(\.1) == [.autoFill(true), .chord(c7), .section(.main(.a)), .section(.intro(1))])
        #expect(!cs.contains { $0.1 == .start })
        #expect(cs.contains { $0 == (3 * bar + 11 * bar + bar / 2, .section(.ending(1))) })
        // The ending resolves to the first chord.
        #expect(cs.last! == (15 * bar, .chord(c7)))
        #expect(t.end == 18 * bar)
    }

    @Test func twoChordsShareABar() throws {
        let t = try timeline(chart([[c7, f7], [nil]]))
        let chords = commands(t).compactMap { if case .chord(let c) = $0.1 { ($0.0, c) } else { nil } }
        #expect(chords.map(\.0) == [0, bar / 2, bar])
        #expect(chords.last!.1 == nil)
    }

    @Test func missingSectionsAreNamed() {
        #expect(throws: RenderError.styleLacks("test", "an Intro 1")) {
            try timeline(blues, style: timelineStyle(intro: nil), settings(intro: true))
        }
        #expect(throws: RenderError.styleLacks("test", "an Ending 1")) {
            try timeline(blues, style: timelineStyle(ending: nil), settings(ending: true))
        }
        #expect(throws: RenderError.emptyChart) {
            try timeline(chart([[nil]]))
        }
    }
}

@Suite struct FrameTimeTests {
    @Test func ticksAndFramesRoundTripAtManyTempos() {
        for bpm in [40.0, 60, 97, 120, 132, 200, 333] {
            let time = FrameTime(tempo: Tempo(bpm: bpm)!, sampleRate: 48_000)
            for tick in stride(from: 0, to: 1920 * 4 * 200, by: 977) {
                #expect(time.tick(atFrame: time.frame(atTick: tick)) == tick)
            }
        }
    }

    @Test func tempoChangeContinuesFromWhereItHappened() {
        var time = FrameTime(tempo: Tempo(bpm: 120)!, sampleRate: 48_000)
        // One beat at 120 BPM is 24000 frames.
        #expect(time.frame(atTick: 1920) == 24_000)
        time.changeTempo(to: Tempo(bpm: 60)!, atFrame: 24_000)
        #expect(time.frame(atTick: 3840) == 72_000)
        #expect(time.tick(atFrame: 72_000) == 3840)
        #expect(time.tempoChanges.map(\.tick) == [0, 1920])
    }
}

@Suite struct BandRecorderTests {
    @Test func writesConductorTrackAndOneTrackPerChannel() throws {
        var recorder = BandRecorder()
        let time = FrameTime(tempo: Tempo(bpm: 120)!, sampleRate: 48_000)
        recorder.sectionStarted("Main A", atFrame: 0)
        recorder.chordChanged(to: chord(0, .dominant7), atFrame: 0)
        recorder.record(.noteOn(channel: 10, note: 36, velocity: 100), atFrame: 0)
        recorder.record(.noteOff(channel: 10, note: 36, velocity: 0), atFrame: 12_000)
        recorder.record(.noteOn(channel: 0, note: 72, velocity: 90), atFrame: 24_000)
        recorder.record(.clock, atFrame: 24_000)
        recorder.chordChanged(to: nil, atFrame: 48_000)
        let file = recorder.midiFile(title: "Blues", meter: .fourFour, time: time)
        let bytes = file.write()
        let back = try MIDIFile.read(bytes)
        #expect(back.tracks.count == 3)
        #expect(back.tracks.map { $0.name } == ["Blues", "Right hand", "Bass"])
        let texts = back.tracks[0].events.compactMap { e -> (Tick, String)? in
            guard case .meta(let m) = e.event, m.textKind == .text else { return nil }
            return (e.tick, m.textValue!)
        }
        #expect(texts.map(\.0) == [0, 3840] && texts.map(\.1) == ["C7", "NC"])
        #expect(back.tracks[0].events.contains { $0.event == .meta(.marker("Main A")) })
        #expect(back.tempoMap.tempo(atTick: 0) == Tempo(bpm: 120)!)
        #expect(back.tracks[2].events.compactMap(\.event.midiEvent).count == 2)
        #expect(back.tracks[2].events.first { $0.event.midiEvent?.isNoteOff == true }?.tick == 960)
    }

    /// Rhythm 1 plays a kit on channel 9 (counted from one): the file says so in GS terms
    /// before the channel's first event; channel 10 playing a melodic part is said to be
    /// melodic; channels that agree with General MIDI carry nothing extra.
    @Test func kitsOffChannel10AreMarkedAsRhythmParts() throws {
        var recorder = BandRecorder()
        let time = FrameTime(tempo: Tempo(bpm: 120)!, sampleRate: 48_000)
        for channel: MIDIChannel in [8, 9, 10] {
            recorder.record(.programChange(channel: channel, program: 32), atFrame: 0)
            recorder.record(.noteOn(channel: channel, note: 36, velocity: 100), atFrame: 0)
        }
        let file = try MIDIFile.read(recorder.midiFile(title: "Kits", meter: .fourFour, time: time, kitChannels: [8]).write())
        func sysEx(_ track: Int) -> [[UInt8]] {
            file.tracks[track].events.compactMap { e in
                if case .sysEx(let s) = e.event { return s.wireBytes }
                return nil
            }
        }
        #expect(sysEx(1) == [[0xF0, 0x41, 0x7F, 0x42, 0x12, 0x40, 0x19, 0x15, 0x01, 0x11, 0xF7]])
        #expect(sysEx(2) == [[0xF0, 0x41, 0x7F, 0x42, 0x12, 0x40, 0x10, 0x15, 0x00, 0x1B, 0xF7]])
        #expect(sysEx(3).isEmpty)
        let first = file.tracks[1].events.firstIndex { $0.event.midiEvent != nil }!
        let marker = file.tracks[1].events.firstIndex { if case .sysEx = $0.event { return true } else { return false } }!
        #expect(marker < first)
    }
}
