import Arranger
import Foundation
import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

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
        #expect(!sink.events.contains { if case .programChange = $0 { true } else { false } }, "programs change at the bar line")
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
