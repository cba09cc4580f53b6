import Arranger
import MusicCore
import Testing

@testable import SidemanDaemon

/// Panic (the control on C#3 of the control channel by default) silences everything: every
/// channel, the player's as well as the band's, on the synthesizer and on `out`.
@Suite struct LivePanicTests {
    static let panicKey: UInt7 = 57

    /// Sustain off, All Sound Off and All Notes Off on each of the 16 channels?
    static func missing(in events: [MIDIEvent]) -> [String] {
        var missing: [String] = []
        for channel in MIDIChannel.all {
            for (controller, value, name) in [(MIDIController.sustain, UInt7(0), "sustain off"), (MIDIController.allSoundOff, 0, "all sound off"),
                (MIDIController.allNotesOff, 0, "all notes off")]
            where !events.contains(.controlChange(channel: channel, controller: controller, value: value)) {
                missing.append("\(name) on channel \(channel.intValue + 1)")
            }
        }
        return missing
    }

    @Test func panicReachesEveryChannelOfTheSynthesizer() throws {
        var band = try band()
        var sink = RecordingSink()
        band.receive(.controlChange(channel: 0, controller: 64, value: 127), atNanoseconds: 0, into: &sink)
        band.receive(.noteOn(channel: 0, note: 72, velocity: 100), atNanoseconds: 0, into: &sink)
        for key: UInt7 in [36, 40, 43] { band.receive(.noteOn(channel: 0, note: key, velocity: 90), atNanoseconds: 0, into: &sink) }
        _ = run(&band, blocks: 500, into: &sink)
        let mark = sink.events.count
        band.receive(.noteOn(channel: 15, note: Self.panicKey, velocity: 100), atNanoseconds: 0, into: &sink)
        _ = run(&band, blocks: 1, into: &sink)
        let missing = Self.missing(in: Array(sink.events[mark...]))
        #expect(missing.isEmpty, "panic left out: \(missing.joined(separator: ", "))")
        #expect(sink.sounding.isEmpty)
    }

    @Test func panicGoesOutOnEveryChannelOfOut() throws {
        let state = try LiveFixture.state { $0.out.band = true }
        LiveFixture.push(LiveFixture.cMajor, to: state)
        for _ in 0..<200 { state.block(64) }
        _ = LiveFixture.drainOut(state)
        LiveFixture.push([.noteOn(channel: 15, note: Self.panicKey, velocity: 100)], to: state)
        state.block(64)
        let out = LiveFixture.drainOut(state).map(\.event)
        let missing = Self.missing(in: out)
        #expect(missing.isEmpty, "panic on out left out: \(missing.joined(separator: ", "))")
    }
}
