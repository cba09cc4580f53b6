import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

/// A reloaded configuration reaching the running band: settings at once, a new style at the
/// next bar line, every note still ended exactly once.
@Suite struct LiveBandReconfigureTests {
    func reconfiguration(_ configure: (inout SidemanConfig) -> Void, styles names: [String], index: Int) throws -> LiveReconfiguration {
        var config = SidemanConfig()
        configure(&config)
        return LiveReconfiguration(config: config, styles: try names.map { LiveStyle(try style($0)) }, styleIndex: index)
    }

    @Test func aNewStyleTakesOverAtTheNextBarWithNoStuckNote() throws {
        var band = try band()
        var sink = RecordingSink()
        band.receive(.noteOn(channel: 0, note: 36, velocity: 100), atNanoseconds: 0, into: &sink)
        band.receive(.noteOn(channel: 0, note: 40, velocity: 100), atNanoseconds: 0, into: &sink)
        band.receive(.noteOn(channel: 0, note: 43, velocity: 100), atNanoseconds: 0, into: &sink)
        _ = run(&band, blocks: 300, into: &sink)
        #expect(band.engine.status.isRunning)
        #expect(band.style.name == "bossa-nova")

        var update = try reconfiguration({ $0.style.tempo = 150 }, styles: ["medium-swing", "rock-8beat", "bossa-nova"], index: 0)
        band.reconfigure(&update, into: &sink)
        #expect(update.styles.map(\.style.name) == ["bossa-nova", "rock-8beat"], "the old list comes back to be freed elsewhere")
        #expect(band.style.name == "medium-swing")
        #expect(band.engine.status.styleName == "bossa-nova", "the old style plays on until the bar line")
        let notices = run(&band, blocks: 3000, into: &sink)  // 4 s: more than a bar at any tempo here
        #expect(band.engine.status.styleName == "medium-swing")
        #expect(band.engine.status.tempo == Tempo(bpm: 150)!)
        #expect(notices.contains { if case .tempoChanged = $0 { true } else { false } })
        band.stopAll(into: &sink)
        _ = run(&band, blocks: 2, into: &sink)
        #expect(sink.sounding.isEmpty, "stuck notes: \(sink.sounding)")
    }

    @Test func theSameStyleKeepsPlayingUntouched() throws {
        var band = try band()
        var sink = RecordingSink()
        var update = try reconfiguration({ _ in }, styles: ["rock-8beat", "bossa-nova"], index: 1)
        band.reconfigure(&update, into: &sink)
        #expect(band.style.name == "bossa-nova")
        #expect(band.styleIndex == 1)
        _ = run(&band, blocks: 2, into: &sink)
        #expect(!sink.events.contains { if case .programChange = $0 { true } else { false } }, "no sound changes")
    }

    @Test func splitFingeringAndVoicesApplyAtOnce() throws {
        var band = try band()
        var sink = RecordingSink()
        var update = try reconfiguration({
            $0.keyboard.splitPoint = 60
            $0.keyboard.fingering = "single-finger"
            $0.keyboard.leadProgram = 41
            $0.keyboard.transpose = 2
        }, styles: ["bossa-nova", "rock-8beat"], index: 0)
        band.reconfigure(&update, into: &sink)
        #expect(band.keyboard.settings.splitPoint == 60)
        #expect(band.keyboard.settings.fingering == .singleFinger)
        #expect(band.keyboard.settings.transpose == 2)
        #expect(sink.events.contains(.programChange(channel: band.keyboard.settings.leadChannel, program: 40)))
        // A key between the old split (54) and the new one (60) now plays a chord.
        band.receive(.noteOn(channel: 0, note: 57, velocity: 100), atNanoseconds: 0, into: &sink)
        _ = run(&band, blocks: 200, into: &sink)
        #expect(band.engine.status.isRunning, "single finger A below the new split starts the band")
        band.stopAll(into: &sink)
        band.receive(.noteOff(channel: 0, note: 57, velocity: 0), atNanoseconds: 0, into: &sink)
        _ = run(&band, blocks: 2, into: &sink)
        #expect(sink.sounding.isEmpty, "stuck notes: \(sink.sounding)")
    }
}
