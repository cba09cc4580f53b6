import Foundation
import MusicCore
import Testing

@testable import ALSASequencer

/// These need the kernel's sequencer; the VM end-to-end test (make e2e) runs the same path.
let hasSequencer = FileManager.default.fileExists(atPath: "/dev/snd/seq")
let noSequencer = "skipped: no /dev/snd/seq (no sound support in this kernel)"

@Suite(.enabled(if: hasSequencer, Comment(rawValue: noSequencer)))
struct SequencerClientTests {
    @Test func opensTheClientWithItsPorts() throws {
        let client = try SequencerClient(name: "SidemanTest")
        #expect(client.clientID > 0)
        #expect(client.inputPort != client.outputPort)
    }

    @Test func aSecondClientHearsWhatTheFirstSends() throws {
        let sender = try SequencerClient(name: "SidemanTestOut")
        let receiver = try SequencerClient(name: "SidemanTestIn")
        let reader = SequencerReader(
            client: receiver, policy: InputPolicy(selection: .matching([NamePattern("SidemanTestOut:out")])))
        try reader.start()
        defer { reader.stop() }
        let event = MIDIEvent.noteOn(channel: 2, note: 64, velocity: 90)
        try sender.send(event)
        var got: InputEvent? = nil
        for _ in 0..<200 where got == nil {
            got = reader.ring.pop()
            if got == nil { usleep(5000) }
        }
        #expect(got?.event == event)
        #expect(got?.source == sender.outputAddress)
    }

    /// Every port reading from `out` is listed: one we connected (`[out] connect`) and one
    /// that subscribed itself (as `aseqdump -p Sideman:1` or `aconnect` by hand do).
    @Test func listsEveryPortSubscribedToOut() throws {
        let client = try SequencerClient(name: "SidemanTestSubs")
        #expect(try client.outputSubscribers().isEmpty)
        let synth = try SequencerClient(name: "SidemanTestSubsSynth")
        let dump = try SequencerClient(name: "SidemanTestSubsDump")
        try client.connectOutput(to: synth.inputAddress)
        try dump.connectInput(from: client.outputAddress)
        #expect(Set(try client.outputSubscribers()) == [synth.inputAddress, dump.inputAddress])
        #expect(try client.outputSubscriberCount() == 2)
        try dump.disconnectInput(from: client.outputAddress)
        #expect(try client.outputSubscribers() == [synth.inputAddress])
    }

    @Test func stopsCleanlyTwiceAndStartsAgain() throws {
        let sender = try SequencerClient(name: "SidemanTestStopOut")
        let client = try SequencerClient(name: "SidemanTestStop")
        let reader = SequencerReader(
            client: client, policy: InputPolicy(selection: .matching([NamePattern("SidemanTestStopOut:out")])))
        try reader.start()
        reader.stop()
        reader.stop()
        try reader.start()
        try sender.send(.programChange(channel: 0, program: 9))
        var got: InputEvent? = nil
        for _ in 0..<200 where got == nil {
            got = reader.ring.pop()
            if got == nil { usleep(5000) }
        }
        reader.stop()
        #expect(got?.event == .programChange(channel: 0, program: 9))
    }
}
