import Testing
@testable import MusicCore

@Suite struct MIDIFileWritingTests {
    @Test func variableLengthQuantitiesMatchTheSpecificationExamples() throws {
        let examples: [(Int, [UInt8])] = [
            (0, [0x00]), (0x40, [0x40]), (0x7F, [0x7F]), (0x80, [0x81, 0x00]), (0x2000, [0xC0, 0x00]),
            (0x3FFF, [0xFF, 0x7F]), (0x4000, [0x81, 0x80, 0x00]), (0x10_0000, [0xC0, 0x80, 0x00]),
            (0x1F_FFFF, [0xFF, 0xFF, 0x7F]), (0x20_0000, [0x81, 0x80, 0x80, 0x00]),
            (0x0FFF_FFFF, [0xFF, 0xFF, 0xFF, 0x7F]),
        ]
        for (value, bytes) in examples {
            #expect(encodeVariableLengthQuantity(value) == bytes, "\(value)")
            var reader = MIDIByteReader(bytes: bytes)
            #expect(try reader.readVariableLengthQuantity() == value)
            #expect(reader.isAtEnd)
        }
    }

    @Test func variableLengthQuantitiesRoundTrip() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let value = Int(rng.next() % UInt64(MIDIFile.maximumDelta + 1)) >> Int(rng.next() % 28)
            var reader = MIDIByteReader(bytes: encodeVariableLengthQuantity(value))
            #expect(try reader.readVariableLengthQuantity() == value)
        }
    }

    @Test func addsEndOfTrackAndSortsEvents() throws {
        let track = MIDITrack(events: [
            TimedMIDIEvent(tick: 960, MIDIEvent.noteOff(channel: 0, note: 60, velocity: 0)),
            TimedMIDIEvent(tick: 0, MIDIEvent.noteOn(channel: 0, note: 60, velocity: 90)),
            TimedMIDIEvent(tick: 0, MIDIEvent.noteOn(channel: 0, note: 64, velocity: 90)),
            TimedMIDIEvent(tick: 200, MIDIMetaEvent.endOfTrack),
        ])
        let file = MIDIFile(format: .singleTrack, ticksPerQuarter: 480, tracks: [track])
        let back = try MIDIFile.read(file.write())
        #expect(back.tracks[0].events == [
            TimedMIDIEvent(tick: 0, MIDIEvent.noteOn(channel: 0, note: 60, velocity: 90)),
            TimedMIDIEvent(tick: 0, MIDIEvent.noteOn(channel: 0, note: 64, velocity: 90)),
            TimedMIDIEvent(tick: 960, MIDIEvent.noteOff(channel: 0, note: 60, velocity: 0)),
            TimedMIDIEvent(tick: 960, MIDIMetaEvent.endOfTrack),
        ])
        let empty = try MIDIFile.read(MIDIFile(tracks: [MIDITrack()]).write())
        #expect(empty.tracks[0].events == [TimedMIDIEvent(tick: 0, MIDIMetaEvent.endOfTrack)])
    }

    @Test func writesTheExactBytesExpected() {
        let track = MIDITrack(events: [
            TimedMIDIEvent(tick: 0, MIDIEvent.noteOn(channel: 2, note: 60, velocity: 100)),
            TimedMIDIEvent(tick: 128, MIDIEvent.noteOn(channel: 2, note: 60, velocity: 0)),
        ])
        let file = MIDIFile(format: .singleTrack, ticksPerQuarter: 96, tracks: [track], extraChunks: [MIDIChunk(id: "CASM", bytes: [7])])
        let head = SMFBytes.header(format: 0, tracks: 1, division: 96)
        #expect(file.write(runningStatus: false) == head + SMFBytes.track([0x00, 0x92, 0x3C, 0x64, 0x81, 0x00, 0x92, 0x3C, 0x00, 0x00, 0xFF, 0x2F, 0x00]) + SMFBytes.chunk("CASM", [7]))
        #expect(file.write(runningStatus: true) == head + SMFBytes.track([0x00, 0x92, 0x3C, 0x64, 0x81, 0x00, 0x3C, 0x00, 0x00, 0xFF, 0x2F, 0x00]) + SMFBytes.chunk("CASM", [7]))
    }

    @Test func runningStatusRestartsAfterMetaAndSysEx() {
        let track = MIDITrack(events: [
            TimedMIDIEvent(tick: 0, MIDIEvent.controlChange(channel: 0, controller: 7, value: 100)),
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.marker("A")),
            TimedMIDIEvent(tick: 0, MIDIEvent.controlChange(channel: 0, controller: 10, value: 64)),
            TimedMIDIEvent(tick: 0, MIDIEvent.sysEx([0xF0, 0x43, 0xF7])),
            TimedMIDIEvent(tick: 0, MIDIEvent.controlChange(channel: 0, controller: 11, value: 127)),
            TimedMIDIEvent(tick: 0, MIDIEvent.clock),
        ])
        #expect(track.encodedBody(runningStatus: true) == [
            0x00, 0xB0, 7, 100, 0x00, 0xFF, 0x06, 0x01, 0x41, 0x00, 0xB0, 10, 64,
            0x00, 0xF0, 0x02, 0x43, 0xF7, 0x00, 0xB0, 11, 127, 0x00, 0xFF, 0x2F, 0x00,
        ])
    }

    /// Random files of every event kind survive write → read unchanged, with and without
    /// running status.
    @Test(arguments: [false, true]) func randomFilesRoundTrip(runningStatus: Bool) throws {
        var rng = SplitMix64(seed: runningStatus ? 11 : 12)
        for _ in 0..<60 {
            var tracks: [MIDITrack] = []
            for _ in 0..<Int(rng.next() % 4 + 1) {
                var tick = 0
                var events: [TimedMIDIEvent] = []
                for _ in 0..<Int(rng.next() % 200) {
                    tick += rng.next() % 3 == 0 ? 0 : Int(rng.next() % 5000)
                    events.append(TimedMIDIEvent(tick: tick, randomEvent(&rng)))
                }
                events.append(TimedMIDIEvent(tick: tick + Int(rng.next() % 10), .meta(.endOfTrack)))
                tracks.append(MIDITrack(events: events))
            }
            let file = MIDIFile(format: tracks.count == 1 ? .singleTrack : .multiTrack, ticksPerQuarter: Int(rng.next() % 2000 + 1), tracks: tracks, extraChunks: [MIDIChunk(id: "OTSc", bytes: [1, 2])])
            let back = try MIDIFile.read(file.write(runningStatus: runningStatus))
            #expect(back == file)
        }
    }

    private func randomEvent(_ rng: inout SplitMix64) -> MIDIFileEvent {
        func u7() -> UInt7 { UInt7(clamping: Int(rng.next() % 128)) }
        func bytes(_ max: UInt64) -> [UInt8] { (0..<Int(rng.next() % max)).map { _ in UInt8(truncatingIfNeeded: rng.next()) } }
        let ch = MIDIChannel(Int(rng.next() % 16))!
        switch rng.next() % 14 {
        case 0: return .midi(.noteOn(channel: ch, note: u7(), velocity: rng.next() % 4 == 0 ? 0 : u7()))
        case 1: return .midi(.noteOff(channel: ch, note: u7(), velocity: u7()))
        case 2: return .midi(.polyPressure(channel: ch, note: u7(), pressure: u7()))
        case 3: return .midi(.controlChange(channel: ch, controller: u7(), value: u7()))
        case 4: return .midi(.programChange(channel: ch, program: u7()))
        case 5: return .midi(.channelPressure(channel: ch, pressure: u7()))
        case 6: return .midi(.pitchBend(channel: ch, value: UInt14(clamping: Int(rng.next() % 16384))))
        case 7: return .meta(.tempo(Tempo(microsecondsPerQuarter: Int(rng.next() % 0xFF_FFFF) + 1)!))
        case 8: return .meta(.timeSignature(MIDITimeSignature(numerator: UInt8(rng.next() % 16 + 1), denominatorPower: UInt8(rng.next() % 5))))
        case 9: return .meta(.keySignature(sharps: Int8(Int(rng.next() % 15) - 7), isMinor: rng.next() % 2 == 0))
        case 10: return .meta(.text(kind: MIDITextKind(rawValue: UInt8(rng.next() % 15 + 1))!, bytes: bytes(300)))
        case 11: return .meta(.unknown(type: [0x00, 0x20, 0x21, 0x54, 0x60][Int(rng.next() % 5)], data: bytes(6)))
        case 12: return .meta(.sequencerSpecific(bytes(20)))
        default: return .sysEx(MIDISysExEvent(kind: rng.next() % 2 == 0 ? .message : .escape, data: bytes(200)))
        }
    }
}

/// A small deterministic generator, so that property tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
