import ALSASequencer
import Arranger
import FluidSynthOutput
import Foundation
import MusicCore
import Practice
import StyleEngine
import Testing

@testable import SidemanCommands
@testable import SidemanDaemon

/// The live chart mode, driven through the daemon as `sideman play` drives it (the command,
/// the score read ahead by the daemon's tick, the audio callback's block on a virtual clock),
/// plays the same chord and the same section in every bar as `sideman render --song` writes
/// for the same drill: one path for form, repeats, endings, loops, ramps, keys, count-in,
/// intro and ending, chord breaks and the metronome.
@Suite("live chart mode: the same chords and sections per bar as the render") struct LiveChartMatchesRenderTests {
    let bar = Meter.fourFour.ticksPerBar()
    static let song = projectRoot + "/charts/minor-form-endings.chart"

    /// Per bar of the band (count-in clicks not counted): the chord sounding, the style's
    /// section, and the chart's section as `sideman status` names it (nil outside the chart).
    struct Bar: Equatable, CustomStringConvertible {
        var chord: String
        var section: String
        var chartSection: String?
        var description: String { "\(chord) \(section) \(chartSection ?? "-")" }
    }

    /// Plays `request` through a daemon whose audio blocks are run here, 64 frames at a time,
    /// until the song is over.
    func live(_ request: PracticeRequest) throws -> [Bar] {
        let style = try RenderStyleLoader.load(mediumSwing)
        var config = SidemanConfig()
        config.style.tempo = 120
        let daemon = try Daemon(
            options: ServeOptions(), config: config, styles: StyleSelection(styles: [style], index: 0), notifier: .silent,
            loadStyles: { _ in StyleSelection(styles: [style], index: 0) })
        let band = LiveBand(styles: [LiveStyle(style)], styleIndex: 0, config: config, sampleRate: 48_000)
        let synth = try Synthesizer(settings: SynthesizerSettings(
            sampleRate: 48_000, reverb: false, chorus: false, drumChannels: [PracticeConductor.clickChannel]))
        let state = LiveAudioState(
            band: band, synth: synth, input: SPSCRing(capacity: 64), pulse: daemon.pulse,
            timer: CallbackTimer(sampleRate: 48_000, bufferFrames: 256))
        daemon.live.withLock { $0 = state }
        if case .failure(let error) = daemon.perform(.play(request)) { throw error }

        var chord = "NC"
        var section = "-"
        var result: [Bar] = []
        var blocks = 0
        // Blocks of 64 frames; the daemon's tick every 8 (10.7 ms), as `serve` runs it.
        while state.chartPulse.currentPhase != .finished, blocks < 2_000_000 {
            state.block(64)
            var barLine = false
            while let notice = state.notices.pop() {
                switch notice {
                case .chordChanged(let c, _): chord = c?.symbol ?? "NC"
                case .sectionStarted(let s, _): section = s.name
                case .bar: barLine = true
                default: break
                }
            }
            if barLine {
                daemon.updatePracticeStatus()
                let status = daemon.practiceStatus
                result.append(Bar(chord: chord, section: section, chartSection: status.phase == "playing" ? status.section : nil))
            }
            while state.retiredCharts.pop() != nil {}
            if blocks % 8 == 0 { daemon.practiceTick(state) }
            blocks += 1
        }
        #expect(state.chart.starvedBlocks == 0, "the daemon read the score ahead of the music")
        return result
    }

    /// The same per bar from the render's MIDI file (the band starts `start` ticks in).
    func render(_ arguments: [String], bars: Int, start: Tick) throws -> [Bar] {
        let a = RenderAnalysis(try renderMIDI(arguments + ["--style", mediumSwing]))
        let chartMarkers = a.markers.filter { $0.name.hasPrefix("[") }
        let chartStart = a.markers.first { $0.name.hasPrefix("[") || $0.name.hasPrefix("Pass ") }?.tick ?? 0
        let chartEnd = a.markers.last { $0.name.hasPrefix("Ending") }?.tick ?? Tick.max
        return (0..<bars).map { n in
            let tick = start + n * bar + 1
            let inChart = tick > chartStart && tick < chartEnd
            let name = chartMarkers.last { $0.tick < tick }?.name
            return Bar(
                chord: a.chord(at: tick) ?? "NC", section: a.section(at: tick) ?? "-",
                chartSection: inChart ? name.map { String($0.dropFirst().dropLast()) } : nil)
        }
    }

    @Test func repeatsEndingsARampAndRandomKeysOverThreeChoruses() throws {
        var request = PracticeRequest(song: Self.song)
        request.choruses = 3
        request.ramp = "100:140:+20"
        request.keys = "random:5"
        request.countIn = 1
        request.metronome = true
        request.ending = true
        let live = try live(request)
        let render = try render(
            ["--song", Self.song, "--choruses", "3", "--ramp", "100:140:+20", "--keys", "random:5", "--count-in", "1",
             "--metronome", "--ending"], bars: live.count, start: bar)
        // Three choruses of 24 bars (an A of eight bars with two endings, played twice, and an
        // eight-bar B), then the style's two-bar ending.
        #expect(live.count == 3 * 24 + 2)
        #expect(live == render)
        // The repeat and its endings: bar 7 (first ending) and bar 15 (second) differ.
        #expect(live[6].chord == "Cm7" && live[14].chord == "Ebmaj7")
        // Three keys, one per chorus, and the band on another main in each (fills between).
        #expect(Set([live[0].chord, live[24].chord, live[48].chord]).count == 3)
        #expect(live.contains { $0.section.hasPrefix("Fill") } && live.last?.section.hasPrefix("Ending") == true)
    }

    @Test func aLoopAcrossTheFirstEndingWithAnIntroBreaksRampAndKeys() throws {
        var request = PracticeRequest(song: Self.song)
        request.loop = "5-12x3"
        request.ramp = "120:160:+20"
        request.keys = "fourths"
        request.intro = true
        request.breaks = "1:4"
        let live = try live(request)
        let render = try render(
            ["--song", Self.song, "--loop", "5-12x3", "--ramp", "120:160:+20", "--keys", "fourths", "--intro",
             "--breaks", "1:4"], bars: live.count, start: 0)
        #expect(live.count > 3 * 8)
        #expect(live == render)
        let passes = live.filter { $0.chartSection != nil }
        #expect(passes.count == 3 * 8)
        // Bars 5-12 as played: Abmaj7, the turn-back (first ending), then the A again; up a
        // fourth each pass.
        #expect(passes[0].chord == "Abmaj7" && passes[8].chord == "Dbmaj7" && passes[16].chord == "F#maj7")
        #expect(live.prefix(4).allSatisfy { $0.section == "Intro 1" && $0.chartSection == nil })
    }

    @Test func theBluesInFourKeysWithARampMatchesAsBefore() throws {
        let file = temporaryFile("blues.chart")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try blues.write(toFile: file, atomically: true, encoding: .utf8)
        var request = PracticeRequest(song: file)
        request.choruses = 4
        request.keys = "fourths"
        request.ramp = "100:130:+10"
        let live = try live(request)
        let render = try render(
            ["--song", file, "--choruses", "4", "--keys", "fourths", "--ramp", "100:130:+10"], bars: live.count, start: 0)
        #expect(live.count == 48)
        #expect(live.map(\.chord) == render.map(\.chord))
        #expect(live.map(\.section) == render.map(\.section))
    }
}
