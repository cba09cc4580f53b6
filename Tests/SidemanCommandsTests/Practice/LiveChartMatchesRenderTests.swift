import Arranger
import Foundation
import MusicCore
import Practice
import StyleEngine
import Testing

@testable import SidemanCommands
@testable import SidemanDaemon

/// The live chart source, driven block by block against the engine as the audio callback
/// drives it, plays the same chord in every bar as `sideman render` writes for the same drill.
@Suite("live chart mode: the same chords per bar as the render") struct LiveChartMatchesRenderTests {
    let bar = Meter.fourFour.ticksPerBar()

    /// The chord at each bar line the live band played (a chord fired in the bar line's block counts).
    func liveChords(chart text: String, settings: PracticeSettings, tempo: Double) throws -> [String] {
        let style = try RenderStyleLoader.load(mediumSwing)
        var config = SidemanConfig()
        config.style.tempo = tempo
        var band = LiveBand(styles: [LiveStyle(style)], styleIndex: 0, config: config, sampleRate: 48_000)
        let plan = try PracticePlan(chart: try ChordChart.parse(text, source: "test"), settings: settings, tempo: Tempo(bpm: tempo)!)
        var timeline: ChartTimeline? = try ChartTimeline(plan: plan, style: style)
        var source = ChartSource(sampleRate: 48_000)
        source.load(&timeline, engine: &band.engine, click: { _ in })
        band.chartActive = true
        struct Sink: BandSink {
            func play(_ event: MIDIEvent) {}
            func useDrumChannels(_ channels: Set<MIDIChannel>) {}
        }
        var sink = Sink()
        var chord: Chord?
        var result: [String] = []
        var blocks = 0
        while source.phase != .finished, blocks < 1_000_000 {
            source.fire(frames: 64, engine: &band.engine, click: { _ in })
            var notices: [ArrangerNotice] = []
            band.advance(frames: 64, into: &sink, notify: { notices.append($0) })
            var barInBlock = false
            for n in notices {
                switch n {
                case .chordChanged(let c, _): chord = c
                case .bar: barInBlock = true
                default: break
                }
            }
            if barInBlock { result.append(chord?.symbol ?? "NC") }
            source.advance(frames: 64, engineTempo: band.engine.currentTempo)
            blocks += 1
        }
        return result
    }

    func renderChords(_ arguments: [String], bars: Int, start: Tick = 0) throws -> [String] {
        let a = RenderAnalysis(try renderMIDI(arguments + ["--style", mediumSwing]))
        return (0..<bars).map { a.chord(at: start + $0 * bar + 1) ?? "NC" }
    }

    @Test func bluesInFourKeysWithARamp() throws {
        var s = PracticeSettings()
        s.choruses = 4
        s.keys = .fourths
        s.ramp = TempoRamp("100:130:+10")
        let live = try liveChords(chart: blues, settings: s, tempo: 100)
        let render = try renderChords(["--chart", blues, "--choruses", "4", "--keys", "fourths", "--ramp", "100:130:+10"], bars: 48)
        #expect(live.count == 48)
        #expect(live == render)
    }

    @Test func aLoopWithACountIn() throws {
        let song = projectRoot + "/charts/blues-jazz-bb.chart"
        let text = try String(contentsOfFile: song, encoding: .utf8)
        var s = PracticeSettings()
        s.loop = PracticeLoop("9-12x3")
        s.countIn = CountIn(bars: 1)
        let live = try liveChords(chart: text, settings: s, tempo: 140)
        let render = try renderChords(["--song", song, "--loop", "9-12x3", "--count-in", "1", "--tempo", "140"], bars: 12, start: bar)
        #expect(live.count == 12)
        #expect(live == render)
    }
}
