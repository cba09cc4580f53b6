import Arranger
import Foundation
import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

/// Records what the band plays, as the synthesizer would receive it.
private struct RecordingSink: BandSink {
    var events: [MIDIEvent] = []
    var drumChannelChanges: [Set<MIDIChannel>] = []
    mutating func play(_ event: MIDIEvent) { events.append(event) }
    mutating func useDrumChannels(_ channels: Set<MIDIChannel>) { drumChannelChanges.append(channels) }

    /// Note-ons not (yet) followed by their note-off, per channel and key.
    var sounding: [Int: Int] {
        var open: [Int: Int] = [:]
        for event in events {
            switch event {
            case .noteOn(let c, let n, let v) where v.rawValue > 0: open[c.intValue * 128 + n.intValue, default: 0] += 1
            case .noteOn(let c, let n, _), .noteOff(let c, let n, _): open[c.intValue * 128 + n.intValue, default: 0] -= 1
            default: break
            }
        }
        return open.filter { $0.value != 0 }
    }
}

private let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private func style(_ name: String) throws -> Style {
    let path = projectRoot.appendingPathComponent("styles/\(name).style").path
    return try StyleTextFormat.parse(String(contentsOfFile: path, encoding: .utf8), fileName: path)
}

private func band(_ configure: (inout SidemanConfig) -> Void = { _ in }) throws -> LiveBand {
    var config = SidemanConfig()
    configure(&config)
    let styles = try [style("bossa-nova"), style("rock-8beat")].map(LiveStyle.init)
    return LiveBand(styles: styles, styleIndex: 0, config: config, sampleRate: 48_000)
}

private func run(_ band: inout LiveBand, blocks: Int, into sink: inout RecordingSink) -> [ArrangerNotice] {
    var notices: [ArrangerNotice] = []
    for _ in 0..<blocks { band.advance(frames: 64, into: &sink, notify: { notices.append($0) }) }
    return notices
}

@Suite struct LiveBandTests {
    @Test func rightHandSoundsAloneUntilAChordStartsTheBand() throws {
        var band = try band()
        var sink = RecordingSink()
        band.receive(.noteOn(channel: 0, note: 69, velocity: 100), atNanoseconds: 0, into: &sink)
        #expect(sink.events == [.noteOn(channel: 0, note: 69, velocity: 100)])
        _ = run(&band, blocks: 100, into: &sink)
        #expect(!band.engine.status.isRunning, "sync start waits for a chord")
        #expect(sink.events.count == 1, "nothing but the lead note before the chord")

        for key: UInt7 in [36, 40, 43] { band.receive(.noteOn(channel: 0, note: key, velocity: 90), atNanoseconds: 0, into: &sink) }
        let notices = run(&band, blocks: 2 * 48_000 / 64, into: &sink)
        #expect(band.engine.status.isRunning)
        #expect(band.engine.status.chord == Chord(root: .c, type: .major))
        #expect(notices.contains { if case .started = $0 { true } else { false } })
        let bandNotes = sink.events.filter { if case .noteOn(let c, _, let v) = $0 { c.intValue >= 8 && v.rawValue > 0 } else { false } }
        #expect(bandNotes.count > 10, "two seconds of band: \(bandNotes.count) notes")
        #expect(!sink.events.contains(.noteOn(channel: 0, note: 36, velocity: 90)), "the chord hand is silent by default")
    }

    @Test func stopAllEndsEveryNote() throws {
        var band = try band()
        var sink = RecordingSink()
        band.receive(.noteOn(channel: 0, note: 72, velocity: 100), atNanoseconds: 0, into: &sink)
        for key: UInt7 in [36, 40, 43] { band.receive(.noteOn(channel: 0, note: key, velocity: 90), atNanoseconds: 0, into: &sink) }
        _ = run(&band, blocks: 1000, into: &sink)
        #expect(band.engine.status.isRunning)
        #expect(!sink.sounding.isEmpty, "something sounds before the stop")
        band.stopAll(into: &sink)
        _ = run(&band, blocks: 1, into: &sink)
        #expect(!band.engine.status.isRunning)
        #expect(sink.sounding.isEmpty, "still sounding after stop: \(sink.sounding)")
    }

    @Test func controlChannelDrivesTheBandAndIsNeverPlayed() throws {
        var band = try band()
        var sink = RecordingSink()
        // Control channel 16: C1 = start/stop, then A#3 = next style.
        band.receive(.noteOn(channel: 15, note: 36, velocity: 100), atNanoseconds: 0, into: &sink)
        band.receive(.noteOff(channel: 15, note: 36, velocity: 0), atNanoseconds: 0, into: &sink)
        _ = run(&band, blocks: 10, into: &sink)
        #expect(band.engine.status.isRunning)
        #expect(!sink.events.contains { $0.channel == 15 }, "control keys are not played")
        band.receive(.noteOn(channel: 15, note: 54, velocity: 100), atNanoseconds: 0, into: &sink)
        #expect(band.styleIndex == 1)
        #expect(sink.drumChannelChanges.count == 1)
    }

    @Test func otherChannelsAreIgnoredWhenTheKeyboardHasOne() throws {
        var band = try band { $0.keyboard.channel = 2 }
        var sink = RecordingSink()
        band.receive(.noteOn(channel: 0, note: 72, velocity: 100), atNanoseconds: 0, into: &sink)
        #expect(sink.events.isEmpty)
        band.receive(.noteOn(channel: 2, note: 72, velocity: 100), atNanoseconds: 0, into: &sink)
        #expect(sink.events == [.noteOn(channel: 0, note: 72, velocity: 100)])
    }

    @Test func learnedSplitPointMovesTheChordZone() throws {
        var band = try band()
        var sink = RecordingSink()
        band.receive(.noteOn(channel: 15, note: 56, velocity: 100), atNanoseconds: 0, into: &sink)
        #expect(band.learningSplit)
        band.receive(.noteOn(channel: 0, note: 66, velocity: 100), atNanoseconds: 0, into: &sink)
        #expect(!band.learningSplit)
        #expect(band.keyboard.settings.splitPoint == 66)
        #expect(sink.events.isEmpty, "the key that sets the split point is not played")
    }
}
