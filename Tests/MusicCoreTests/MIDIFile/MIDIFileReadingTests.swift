import Testing
@testable import MusicCore

@Suite struct MIDIFileReadingTests {
    /// A format-0 track using running status, a velocity-0 note-on, every meta type the
    /// reader knows, an unknown meta, and both SysEx forms.
    static let richTrack: [UInt8] = [
        0x00, 0xFF, 0x03, 0x04] + Array("Bass".utf8) + [
        0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20,  // 500000 us = 120 BPM
        0x00, 0xFF, 0x58, 0x04, 0x03, 0x02, 0x18, 0x08,  // 3/4
        0x00, 0xFF, 0x59, 0x02, 0xFD, 0x01,  // 3 flats, minor
        0x00, 0xFF, 0x06, 0x06] + Array("Main A".utf8) + [
        0x00, 0xFF, 0x01, 0x02, 0x68, 0x69,  // text "hi"
        0x00, 0xFF, 0x21, 0x01, 0x00,  // port: unknown to the reader, kept
        0x00, 0xF0, 0x05, 0x7E, 0x7F, 0x09, 0x01, 0xF7,  // GM on
        0x00, 0xF7, 0x02, 0xF3, 0x01,  // escape
        0x00, 0x91, 0x3C, 0x64,  // note on ch 2
        0x83, 0x60, 0x3C, 0x00,  // delta 480, running status, velocity 0
        0x00, 0x40, 0x50,  // running status again
        0x10, 0xE1, 0x00, 0x40,  // pitch bend centre
        0x00, 0xC1, 0x05,  // program change
        0x00, 0x25,  // running status on a one-byte message
        0x81, 0x00, 0xFF, 0x2F, 0x00,  // end of track at 480 + 16 + 128
    ]

    @Test func readsEveryKindOfEvent() throws {
        let file = try MIDIFile.read(SMFBytes.file(tracks: [Self.richTrack]))
        #expect(file.format == .singleTrack)
        #expect(file.ticksPerQuarter == 480)
        #expect(file.tracks.count == 1)
        #expect(file.extraChunks.isEmpty)
        let track = file.tracks[0]
        #expect(track.name == "Bass")
        let ch: MIDIChannel = 1
        let expected: [TimedMIDIEvent] = [
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.trackName("Bass")),
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.tempo(Tempo(bpm: 120)!)),
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.timeSignature(MIDITimeSignature(numerator: 3, denominatorPower: 2, clocksPerClick: 24, thirtySecondsPerQuarter: 8))),
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.keySignature(sharps: -3, isMinor: true)),
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.marker("Main A")),
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.text(.text, "hi")),
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.unknown(type: 0x21, data: [0])),
            TimedMIDIEvent(tick: 0, MIDISysExEvent(kind: .message, data: [0x7E, 0x7F, 0x09, 0x01, 0xF7])),
            TimedMIDIEvent(tick: 0, MIDISysExEvent(kind: .escape, data: [0xF3, 0x01])),
            TimedMIDIEvent(tick: 0, MIDIEvent.noteOn(channel: ch, note: 60, velocity: 100)),
            TimedMIDIEvent(tick: 480, MIDIEvent.noteOn(channel: ch, note: 60, velocity: 0)),
            TimedMIDIEvent(tick: 480, MIDIEvent.noteOn(channel: ch, note: 64, velocity: 80)),
            TimedMIDIEvent(tick: 496, MIDIEvent.pitchBend(channel: ch, value: .center)),
            TimedMIDIEvent(tick: 496, MIDIEvent.programChange(channel: ch, program: 5)),
            TimedMIDIEvent(tick: 496, MIDIEvent.programChange(channel: ch, program: 0x25)),
            TimedMIDIEvent(tick: 624, MIDIMetaEvent.endOfTrack),
        ]
        #expect(track.events == expected)
        #expect(track.endTick == 624)
        #expect(track.events[10].event.midiEvent?.isNoteOff == true)
        #expect(file.timeSignature?.meter == .threeFour)
        #expect(track.events[7].event == .sysEx(MIDISysExEvent(message: [0xF0, 0x7E, 0x7F, 0x09, 0x01, 0xF7])))
        if case .sysEx(let s) = track.events[7].event {
            #expect(s.midiEvent == .sysEx([0xF0, 0x7E, 0x7F, 0x09, 0x01, 0xF7]))
        }
        if case .sysEx(let s) = track.events[8].event { #expect(s.midiEvent == nil) }
    }

    @Test func textThatIsNotUTF8DecodesAsLatin1() {
        let meta = MIDIMetaEvent.text(kind: .lyric, bytes: [0x43, 0xE9])
        #expect(meta.textValue == "Cé")
        #expect(MIDIMetaEvent.endOfTrack.textValue == nil)
    }

    @Test func keepsTrailingChunksAndTracksOfEveryFormat() throws {
        let t1 = SMFBytes.track([0x00, 0x90, 0x3C, 0x40, 0x60, 0x80, 0x3C, 0x00, 0x00, 0xFF, 0x2F, 0x00])
        let t2 = SMFBytes.track([0x00, 0xFF, 0x2F, 0x00])
        for format in [1, 2] {
            let bytes = SMFBytes.header(format: format, tracks: 2, division: 96) + t1
                + SMFBytes.chunk("XTRA", [1, 2, 3]) + t2 + SMFBytes.chunk("CASM", SMFBytes.chunk("CSEG", [9]))
            let file = try MIDIFile.read(bytes)
            #expect(file.format.rawValue == format)
            #expect(file.tracks.count == 2)
            #expect(file.tracks[0].events.count == 3)
            #expect(file.tracks[0].events[1].tick == 96)
            #expect(file.extraChunks.map(\.id) == ["XTRA", "CASM"])
            #expect(file.chunk(id: "XTRA")?.bytes == [1, 2, 3])
            let nested = try MIDIChunk.split(file.chunk(id: "CASM")!.bytes)
            #expect(nested == [MIDIChunk(id: "CSEG", bytes: [9])])
        }
    }

    @Test func mtrkChunksBeyondTheDeclaredCountAreKeptAsExtraChunks() throws {
        let body: [UInt8] = [0x00, 0xFF, 0x2F, 0x00]
        let file = try MIDIFile.read(SMFBytes.header(tracks: 1) + SMFBytes.track(body) + SMFBytes.track(body))
        #expect(file.tracks.count == 1)
        #expect(file.extraChunks == [MIDIChunk(id: "MTrk", bytes: body)])
    }

    @Test func bytesAfterEndOfTrackAreIgnoredAndMissingEndIsTolerated() throws {
        let file = try MIDIFile.read(SMFBytes.file(tracks: [[0x00, 0xFF, 0x2F, 0x00, 0x00, 0x00], [0x00, 0x90, 0x3C, 0x40]]))
        #expect(file.tracks[0].events == [TimedMIDIEvent(tick: 0, MIDIMetaEvent.endOfTrack)])
        #expect(file.tracks[1].events == [TimedMIDIEvent(tick: 0, MIDIEvent.noteOn(channel: 0, note: 60, velocity: 64))])
    }

    @Test func runningStatusSurvivesMetaEvents() throws {
        let file = try MIDIFile.read(SMFBytes.file(tracks: [[0x00, 0x90, 0x3C, 0x40, 0x00, 0xFF, 0x01, 0x00, 0x00, 0x3E, 0x40]]))
        #expect(file.tracks[0].events.last?.event == .midi(.noteOn(channel: 0, note: 62, velocity: 64)))
    }

    @Test func nestedTrackDecodesWithFileOffsets() throws {
        #expect(throws: MIDIFileError(.runningStatusWithoutStatus, offset: 1001, trackIndex: 4)) {
            try MIDITrack(chunkBody: [0x00, 0x3C, 0x40], baseOffset: 1000, trackIndex: 4)
        }
    }

    // MARK: malformed files

    static func readError(_ bytes: [UInt8]) -> MIDIFileError? {
        do {
            _ = try MIDIFile.read(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func rejectsFilesWithoutHeader() {
        #expect(Self.readError([]) == MIDIFileError(.notAMIDIFile, offset: 0))
        #expect(Self.readError(Array("RIFF....".utf8)) == MIDIFileError(.notAMIDIFile, offset: 0))
        #expect(Self.readError(Array("MThd".utf8))?.problem == .truncatedHeader)
        #expect(Self.readError([UInt8]("MThd".utf8) + [0, 0, 0, 2, 0, 0])?.problem == .badHeaderLength(2))
        #expect(Self.readError([]).map(String.init(describing:)) == "at byte 0: not a MIDI file (no MThd)")
    }

    @Test func rejectsSMPTEDivisionZeroDivisionAndUnknownFormats() {
        var bytes = SMFBytes.file(tracks: [[0x00, 0xFF, 0x2F, 0x00]])
        bytes[12] = 0xE7
        bytes[13] = 0x28
        #expect(Self.readError(bytes) == MIDIFileError(.smpteDivision, offset: 12))
        bytes[12] = 0
        bytes[13] = 0
        #expect(Self.readError(bytes)?.problem == .zeroDivision)
        #expect(Self.readError(SMFBytes.file(format: 3, tracks: []))?.problem == .unsupportedFormat(3))
    }

    @Test func rejectsTruncatedChunksAndMissingTracks() {
        var bytes = SMFBytes.file(tracks: [[0x00, 0x90, 0x3C, 0x40, 0x00, 0xFF, 0x2F, 0x00]])
        bytes.removeLast(3)
        let error = Self.readError(bytes)
        #expect(error == MIDIFileError(.truncatedChunk(id: "MTrk", declared: 8, available: 5), offset: 14, trackIndex: 0))
        #expect(error?.description == "track 1 at byte 14: truncated chunk MTrk: 8 bytes declared, 5 present")
        #expect(Self.readError(SMFBytes.header(tracks: 2) + SMFBytes.track([0x00, 0xFF, 0x2F, 0x00]))?.problem == .missingTracks(declared: 2, found: 1))
        #expect(Self.readError(SMFBytes.file(tracks: [[0x00, 0x90, 0x3C]])) == MIDIFileError(.truncatedEvent, offset: 25, trackIndex: 0))
        #expect(Self.readError(SMFBytes.file(tracks: [[0x00, 0xFF, 0x01, 0x05, 0x41]]))?.problem == .truncatedEvent)
    }

    @Test func namesTheTrackAndByteOfARunningStatusError() {
        let good: [UInt8] = [0x00, 0xFF, 0x2F, 0x00]
        let bytes = SMFBytes.file(format: 1, tracks: [good, [0x00, 0xFF, 0x03, 0x00, 0x00, 0x3C, 0x40]])
        let error = Self.readError(bytes)
        // header 14 + track 1 (8 + 4) + MTrk header 8 + 4 bytes of name meta + delta = 39
        #expect(error == MIDIFileError(.runningStatusWithoutStatus, offset: 39, trackIndex: 1))
        #expect(error?.description == "track 2 at byte 39: running status with no previous status byte")
    }

    @Test func rejectsLongVariableLengthQuantities() {
        let error = Self.readError(SMFBytes.file(tracks: [[0x81, 0x80, 0x80, 0x80, 0x00, 0x90, 0x3C, 0x40]]))
        #expect(error == MIDIFileError(.variableLengthQuantityTooLong, offset: 22, trackIndex: 0))
        #expect(error?.description.hasSuffix("variable-length quantity longer than 4 bytes") == true)
    }

    @Test func rejectsStrayStatusAndDataBytes() {
        #expect(Self.readError(SMFBytes.file(tracks: [[0x00, 0xF8]]))?.problem == .unexpectedStatus(0xF8))
        #expect(Self.readError(SMFBytes.file(tracks: [[0x00, 0x90, 0x3C, 0x90]])) == MIDIFileError(.dataByteExpected(0x90), offset: 25, trackIndex: 0))
    }

    @Test func rejectsMalformedKnownMetaEvents() {
        #expect(Self.readError(SMFBytes.file(tracks: [[0x00, 0xFF, 0x51, 0x02, 0x07, 0xA1]]))?.problem == .badMetaLength(type: 0x51, length: 2, expected: 3))
        #expect(Self.readError(SMFBytes.file(tracks: [[0x00, 0xFF, 0x51, 0x03, 0, 0, 0]]))?.problem == .badTempo)
        #expect(Self.readError(SMFBytes.file(tracks: [[0x00, 0xFF, 0x2F, 0x01, 0x00]]))?.problem == .badMetaLength(type: 0x2F, length: 1, expected: 0))
        #expect(Self.readError(SMFBytes.file(tracks: [[0x00, 0xFF, 0x58, 0x02, 4, 2]]))?.problem == .badMetaLength(type: 0x58, length: 2, expected: 4))
    }

    @Test func keySignatureWithAnOddModeByteIsKeptAsStored() throws {
        let file = try MIDIFile.read(SMFBytes.file(tracks: [[0x00, 0xFF, 0x59, 0x02, 0x01, 0x05]]))
        #expect(file.tracks[0].events[0].event == .meta(.unknown(type: 0x59, data: [1, 5])))
    }

    @Test func chunkSplitReportsFileOffsets() {
        #expect(throws: MIDIFileError(.truncatedChunk(id: "CSEG", declared: 9, available: 1), offset: 100)) {
            try MIDIChunk.split(Array("CSEG".utf8) + SMFBytes.be32(9) + [0], baseOffset: 100)
        }
        #expect(throws: MIDIFileError(.truncatedHeader, offset: 103)) {
            try MIDIChunk.split(Array("CSEG".utf8) + SMFBytes.be32(1) + [0, 1, 2, 3], baseOffset: 94)
        }
    }
}
