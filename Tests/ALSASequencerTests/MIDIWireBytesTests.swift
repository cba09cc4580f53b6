import MusicCore
import Testing

@testable import ALSASequencer

@Suite struct MIDIWireBytesTests {
    @Test func encodeThenDecodeGivesBackEveryKind() throws {
        for c in MIDIChannel.all {
            let events = SequencerEventMIDITests.allKinds(channel: c)
            let bytes = events.flatMap(MIDIWireBytes.encode)
            #expect(try MIDIWireBytes.decode(bytes) == events)
        }
    }

    @Test func hexText() throws {
        #expect(try MIDIWireBytes.parseHex("90 3C 64") == [0x90, 0x3C, 0x64])
        #expect(try MIDIWireBytes.parseHex("903c64") == [0x90, 0x3C, 0x64])
        #expect(throws: MIDIWireBytes.DecodeError.self) { try MIDIWireBytes.parseHex("9") }
        #expect(throws: MIDIWireBytes.DecodeError.self) { try MIDIWireBytes.parseHex("zz") }
        #expect(try MIDIWireBytes.decode([0xE0, 0x00, 0x40]) == [.pitchBend(channel: 0, value: .center)])
    }

    @Test func malformedBytesSayWhere() {
        #expect(throws: MIDIWireBytes.DecodeError.truncated(offset: 3)) { try MIDIWireBytes.decode([0xF8, 0xF8, 0xF8, 0x90, 0x3C]) }
        #expect(throws: MIDIWireBytes.DecodeError.noStatusByte(offset: 0)) { try MIDIWireBytes.decode([0x3C]) }
        #expect(throws: MIDIWireBytes.DecodeError.truncated(offset: 0)) { try MIDIWireBytes.decode([0xF0, 0x01]) }
    }
}
