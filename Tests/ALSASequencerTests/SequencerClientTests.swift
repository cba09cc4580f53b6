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
