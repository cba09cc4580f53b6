import MusicCore
import Testing

@testable import ALSASequencer

@Suite struct SequencerEventMIDITests {
    static func allKinds(channel c: MIDIChannel) -> [MIDIEvent] {
        [
            .noteOn(channel: c, note: 60, velocity: 100), .noteOn(channel: c, note: 0, velocity: 0),
            .noteOff(channel: c, note: 127, velocity: 64), .polyPressure(channel: c, note: 61, pressure: 5),
            .controlChange(channel: c, controller: MIDIController.sustain, value: 127),
            .controlChange(channel: c, controller: 0, value: 0), .programChange(channel: c, program: 127),
            .channelPressure(channel: c, pressure: 33), .pitchBend(channel: c, value: .center),
            .pitchBend(channel: c, value: UInt14(rawValue: 0)!), .pitchBend(channel: c, value: UInt14(rawValue: 16383)!),
            .sysEx([0xF0, 0x7E, 0x7F, 0x06, 0x01, 0xF7]), .clock, .start, .stop, .continue,
            .songPosition(UInt14(rawValue: 1234)!), .activeSensing, .reset,
        ]
    }

    @Test func everyMessageKindRoundTripsOnEveryChannel() {
        for c in MIDIChannel.all {
            for event in Self.allKinds(channel: c) {
                #expect(SequencerEvent(event).midiEvent == event, "\(event)")
            }
        }
    }

    @Test func everyNoteAndVelocityRoundTrips() {
        for n in 0...127 {
            for v in stride(from: 0, through: 127, by: 7) {
                let on = MIDIEvent.noteOn(channel: 3, note: UInt7(n)!, velocity: UInt7(v)!)
                #expect(SequencerEvent(on).midiEvent == on)
            }
        }
    }

    @Test func pitchBendIsCentredOnZeroInALSA() {
        #expect(SequencerEvent(.pitchBend(channel: 0, value: .center)).value == 0)
        #expect(SequencerEvent(.pitchBend(channel: 0, value: UInt14(rawValue: 0)!)).value == -8192)
        #expect(SequencerEvent(.pitchBend(channel: 0, value: UInt14(rawValue: 16383)!)).value == 8191)
        var e = SequencerEvent(kind: .pitchBend)
        e.value = 8192  // one past ALSA's range
        #expect(e.midiEvent == nil)
    }

    @Test func outOfRangeDataIsRejectedNotClamped() {
        var note = SequencerEvent(kind: .noteOn)
        note.note = 128
        #expect(note.midiEvent == nil)
        var channel = SequencerEvent(kind: .controller)
        channel.channel = 16
        #expect(channel.midiEvent == nil)
        var cc = SequencerEvent(kind: .controller)
        cc.param = 128
        #expect(cc.midiEvent == nil)
        var program = SequencerEvent(kind: .programChange)
        program.value = -1
        #expect(program.midiEvent == nil)
    }

    @Test func announcementsAndEmptySysExCarryNoMIDI() {
        for kind: SequencerEvent.Kind in [.portStart, .portExit, .clientStart, .clientExit, .portSubscribed, .other(99), .sysEx] {
            #expect(SequencerEvent(kind: kind).midiEvent == nil)
        }
    }
}
