import Foundation
import MusicCore
import Testing

@testable import ALSASequencer

/// A reader that does not forward SysEx (the daemon's) passes over even a large message on its
/// own thread: the consumer sees only the channel messages around it, in order.
@Suite(.enabled(if: hasSequencer, Comment(rawValue: noSequencer)))
struct SequencerReaderSysExTests {
    @Test func sysExIsPassedOverWhenNotForwarded() throws {
        let sender = try SequencerClient(name: "SidemanTestSysExOut")
        let receiver = try SequencerClient(name: "SidemanTestSysExIn")
        let reader = SequencerReader(
            client: receiver, policy: InputPolicy(selection: .matching([NamePattern("SidemanTestSysExOut:out")])),
            forwardsSysEx: false)
        try reader.start()
        defer { reader.stop() }
        let big = [0xF0] + [UInt8](repeating: 0x11, count: 3000) + [0xF7]
        try sender.send(.noteOn(channel: 0, note: 60, velocity: 100))
        try sender.send(.sysEx(big))
        try sender.send(.noteOff(channel: 0, note: 60, velocity: 0))
        var got: [MIDIEvent] = []
        for _ in 0..<200 where got.count < 2 {
            while let e = reader.ring.pop() { got.append(e.event) }
            if got.count < 2 { usleep(5000) }
        }
        usleep(50_000)
        while let e = reader.ring.pop() { got.append(e.event) }
        #expect(got == [.noteOn(channel: 0, note: 60, velocity: 100), .noteOff(channel: 0, note: 60, velocity: 0)])
        #expect(reader.sysExSkippedCount >= 1)
    }
}
