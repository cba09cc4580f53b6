import Testing

@testable import MusicCore

/// Reading damaged files as players do: a damaged event is skipped and counted, the rest of
/// the track plays; a file beyond repair is one line naming the track and the byte.
@Suite struct MIDIFileRepairTests {
    /// A bass line in running status (one 0x9B, then note pairs with velocity 0 for off), as
    /// style files are written: 32 notes.
    static func runningStatusFile() -> (file: MIDIFile, bytes: [UInt8]) {
        var events: [TimedMIDIEvent] = [TimedMIDIEvent(tick: 0, .meta(.trackName("Bass")))]
        let channel = MIDIChannel(rawValue: 10)!
        for i in 0..<32 {
            let note = UInt7(rawValue: UInt8(36 + (i * 5) % 24))!
            events.append(TimedMIDIEvent(tick: i * 480, .midi(.noteOn(channel: channel, note: note, velocity: UInt7(rawValue: 90)!))))
            events.append(TimedMIDIEvent(tick: i * 480 + 400, .midi(.noteOn(channel: channel, note: note, velocity: UInt7(rawValue: 0)!))))
        }
        events.append(TimedMIDIEvent(tick: 32 * 480, .meta(.endOfTrack)))
        let file = MIDIFile(format: .singleTrack, ticksPerQuarter: 480, tracks: [MIDITrack(events: events)])
        return (file, file.write(runningStatus: true))
    }

    static let trackBody = 14 + 8

    /// Offset of the `index`-th note event's first data byte (the key) in running status.
    static func keyOffset(_ bytes: [UInt8], note index: Int) -> Int {
        // After the track name (delta 0, FF 03 04 "Bass"): delta, [9A], key, velocity; …
        var position = trackBody + 1 + 3 + 4
        for seen in 0... {
            while bytes[position] & 0x80 != 0 { position += 1 }  // the delta's leading bytes
            position += 1
            if bytes[position] == 0x9A { position += 1 }  // the one status byte
            if seen == index { return position }
            position += 2
        }
        return position
    }

    /// Inserts `byte` at `offset` and grows the MTrk length to match.
    static func inserting(_ byte: UInt8, at offset: Int, into bytes: [UInt8]) -> [UInt8] {
        var copy = bytes
        copy.insert(byte, at: offset)
        let length = (Int(copy[18]) << 24 | Int(copy[19]) << 16 | Int(copy[20]) << 8 | Int(copy[21])) + 1
        copy[18...21] = [UInt8(length >> 24 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        return copy
    }

    static func notes(_ file: MIDIFile) -> [TimedMIDIEvent] {
        file.tracks.flatMap(\.events).filter { if case .midi = $0.event { true } else { false } }
    }

    /// A status-like byte between a note's key and velocity: strict reading refuses the file
    /// (the message players never show); repairing reads every note, in time.
    @Test func aStrayStatusByteInsideRunningStatusIsSkipped() throws {
        let (original, bytes) = Self.runningStatusFile()
        let at = Self.keyOffset(bytes, note: 7) + 1
        let damaged = Self.inserting(0xEE, at: at, into: bytes)
        let strict = try #require(throws: MIDIFileError.self) { try MIDIFile.read(damaged) }
        #expect(strict.description == "track 1 at byte \(at): data byte (0-127) expected, found 0xEE")
        let repaired = try MIDIFile.read(damaged, repairing: true)
        #expect(Self.notes(repaired) == Self.notes(original))
        #expect(repaired.damage.count == 1)
        #expect(repaired.damage.first?.offset == at)
    }

    /// A velocity byte with its top bit flipped: that note is lost, every other one plays.
    @Test func aFlippedDataByteLosesOnlyItsEvent() throws {
        let (original, bytes) = Self.runningStatusFile()
        var damaged = bytes
        let at = Self.keyOffset(bytes, note: 12) + 1
        damaged[at] |= 0x80
        let repaired = try MIDIFile.read(damaged, repairing: true)
        var expected = Self.notes(original)
        expected.remove(at: 12)
        #expect(Self.notes(repaired) == expected)
        #expect(repaired.damage.count == 1)
    }

    /// A track cut off by the end of the file keeps the notes before the cut.
    @Test func aTruncatedTrackKeepsWhatItHas() throws {
        let (original, bytes) = Self.runningStatusFile()
        let cut = Self.keyOffset(bytes, note: 20) + 1
        #expect(throws: MIDIFileError.self) { try MIDIFile.read(Array(bytes.prefix(cut))) }
        let repaired = try MIDIFile.read(Array(bytes.prefix(cut)), repairing: true)
        #expect(Self.notes(repaired) == Array(Self.notes(original).prefix(20)))
        #expect(!repaired.damage.isEmpty)
    }

    /// Nothing but undefined status bytes: beyond repair, one line with the track and byte.
    @Test func aTrackBeyondRepairIsOneLine() throws {
        let body: [UInt8] = [0x00, 0x90, 0x3C, 0x40] + Array(repeating: [0x00, 0xF4], count: 150).flatMap { $0 }
        let bytes = MIDIChunk(id: "MThd", bytes: [0, 0, 0, 1, 0x01, 0xE0]).encoded + MIDIChunk(id: "MTrk", bytes: body).encoded
        let error = try #require(throws: MIDIFileError.self) { try MIDIFile.read(bytes, repairing: true) }
        #expect(error.description == "track 1 at byte 27: unexpected status byte 0xF4 in a track")
    }

    /// Bytes flipped, status bytes inserted, tracks cut, at random (seeded): each copy loads
    /// or is one line naming the track and byte; none crashes or hangs.
    @Test func randomDamageLoadsOrFailsInOneLine() throws {
        let (original, bytes) = Self.runningStatusFile()
        var state: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var loaded = 0, keptNotes = 0
        let total = Self.notes(original).count
        for round in 0..<300 {
            var copy = bytes
            switch round % 3 {
            case 0: for _ in 0..<3 { copy[Self.trackBody + next(copy.count - Self.trackBody)] = UInt8(next(256)) }
            case 1: copy = Self.inserting(UInt8(0x80 + next(0x70)), at: Self.trackBody + 8 + next(copy.count - Self.trackBody - 8), into: copy)
            default: copy = Array(copy.prefix(Self.trackBody + next(copy.count - Self.trackBody)))
            }
            do {
                let file = try MIDIFile.read(copy, repairing: true)
                loaded += 1
                keptNotes += Self.notes(file).count
            } catch {
                #expect(error.description.hasPrefix("track 1 at byte ") || error.description.hasPrefix("at byte "), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
        print("damaged copies of a generated file: \(loaded) of 300 load, with \(keptNotes) of \(loaded * total) notes")
        #expect(loaded >= 250)
    }
}
