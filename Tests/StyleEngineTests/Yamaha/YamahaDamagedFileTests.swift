import MusicCore
import Testing

@testable import StyleEngine

/// Damaged copies of real styles: cut short or with bytes overwritten. Each one either loads
/// or fails with one line that starts with the file name — never a crash.
@Suite(.enabled(if: YamahaTestFiles.available, "skipped: no Yamaha styles at ../shared/testdata/yamaha-styles"))
struct YamahaDamagedFileTests {
    /// A small deterministic generator, so failures repeat.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let samples = ["16BeatBallad2.S014.prs", "8Beat.T160.STY", "Urban Funk.S066.STY"]

    /// Cut before the end of CASM: one clear error. Cut after it (inside OTSc or FNRc): the
    /// style loads, with a note about the ignored end.
    @Test(arguments: samples)
    func truncatedCopiesFailClearlyOrLoseOnlyTheTail(name: String) throws {
        let bytes = try YamahaTestFiles.bytes(name)
        let casmEnd = try #require(try YamahaChunk.split(bytes, 0..<bytes.count, in: nil).first { $0.id == "CASM" }).payload.upperBound
        var rng = Generator(state: 42)
        for _ in 0..<40 {
            let cut = rng.next(bytes.count)
            do {
                let imported = try YamahaStyleReader.importStyle(Array(bytes.prefix(cut)), fileName: name)
                #expect(cut >= casmEnd, "cut at \(cut) loaded")
                #expect(cut == casmEnd || imported.notes.first?.hasPrefix("ignored the damaged end of the file") == true)
            } catch {
                #expect(cut < casmEnd, "cut at \(cut): \(error)")
                #expect(error.description.hasPrefix("\(name): "))
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test(arguments: samples)
    func overwrittenBytesNeverCrash(name: String) throws {
        let bytes = try YamahaTestFiles.bytes(name)
        var rng = Generator(state: 7)
        var loaded = 0
        for _ in 0..<60 {
            var copy = bytes
            for _ in 0..<8 { copy[rng.next(copy.count)] = UInt8(rng.next(256)) }
            do {
                let style = try YamahaStyleReader.read(copy, fileName: name)
                loaded += 1
                #expect(style.sections.keys.contains { $0.isMain })
            } catch {
                #expect(error.description.hasPrefix("\(name): "))
            }
        }
        print("\(name): \(loaded) of 60 damaged copies still load")
    }

    @Test func truncatedCASMMessage() throws {
        let name = "16BeatBallad2.S014.prs"
        let bytes = try YamahaTestFiles.bytes(name)
        // MThd (14) + MTrk (8 + 21840) + CASM header: cut 100 bytes into the CASM payload.
        let cut = 14 + 8 + 21840 + 8 + 100
        let message = try #require(throws: YamahaStyleError.self) {
            try YamahaStyleReader.read(Array(bytes.prefix(cut)), fileName: name)
        }.description
        #expect(message.hasPrefix("\(name): CASM chunk truncated at byte \(cut)"), "\(message)")
    }
}

/// Damage inside the MIDI track of real styles: status-like bytes inserted, bytes flipped,
/// the track cut short. Each copy loads — noting "n damaged events skipped" — or fails with one
/// line naming the file and the byte.
@Suite(.enabled(if: YamahaTestFiles.available, "skipped: no Yamaha styles at ../shared/testdata/yamaha-styles"))
struct YamahaDamagedTrackTests {
    @Test(arguments: YamahaDamagedFileTests.samples)
    func damagedTracksLoadWithANoteOrFailInOneLine(name: String) throws {
        let bytes = try YamahaTestFiles.bytes(name)
        let track = try #require(try YamahaChunk.split(bytes, 0..<bytes.count, in: nil).first { $0.id == "MTrk" })
        var rng = YamahaDamagedFileTests.Generator(state: 99)
        var loaded = 0, noted = 0, failed: [String] = []
        for round in 0..<45 {
            let copy: [UInt8]
            switch round % 3 {
            case 0:  // a status-like byte inserted
                let at = track.payload.lowerBound + rng.next(track.payload.count)
                copy = YamahaDamage.inserting(UInt8(0x80 + rng.next(0x70)), at: at, into: bytes, track: track)
            case 1:  // a data byte's top bit flipped
                var c = bytes
                c[track.payload.lowerBound + rng.next(track.payload.count)] |= 0x80
                copy = c
            default:  // the track cut short (the chunks after it intact)
                copy = YamahaDamage.cutting(track, to: rng.next(track.payload.count), in: bytes)
            }
            do {
                let imported = try YamahaStyleReader.importStyle(copy, fileName: name)
                loaded += 1
                if imported.notes.contains(where: { $0.contains("damaged event") }) { noted += 1 }
                #expect(imported.style.sections.keys.contains { $0.isMain })
            } catch {
                failed.append(error.description)
                #expect(error.description.hasPrefix("\(name): "), "\(error)")
                #expect(error.description.contains(" at byte "), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
        print("\(name): \(loaded) of 45 copies with a damaged track load (\(noted) note the damage); \(failed.count) fail: \(failed.prefix(2))")
        #expect(loaded >= 30, "\(failed)")
    }
}

/// The same on a style built here, so that it runs without the shared files.
@Suite struct YamahaDamagedGeneratedTrackTests {
    static let name = "Generated.S001.sty"

    /// A stray status-like byte inside the bass's note: strict reading names it; the style
    /// loads as if it were not there, and says that one damaged event was skipped.
    @Test func aStrayStatusByteInsideAnEventIsSkipped() throws {
        let intact = YamahaStyleReaderTests.sampleFile()
        let track = try #require(try YamahaChunk.split(intact, 0..<intact.count, in: nil).first { $0.id == "MTrk" })
        // The bass note-on at Main A: 9A 24 5A (channel 11, C2, velocity 90).
        let event = try #require(intact.indices.first { intact[$0...].starts(with: [0x9A, 0x24, 0x5A]) })
        let damaged = YamahaDamage.inserting(0xEE, at: event + 2, into: intact, track: track)
        let strict = try #require(throws: MIDIFileError.self) { try MIDIFile.read(Array(damaged.prefix(track.payload.upperBound + 1))) }
        #expect(strict.description == "track 1 at byte \(event + 2): data byte (0-127) expected, found 0xEE")
        let imported = try YamahaStyleReader.importStyle(damaged, fileName: Self.name)
        #expect(imported.notes.contains("1 damaged event skipped (track 1 at byte \(event + 2): data byte (0-127) expected, found 0xEE)"))
        #expect(imported.style == (try YamahaStyleReader.read(intact, fileName: Self.name)))
    }

    @Test func flippedInsertedAndCutTracksLoadOrFailInOneLine() throws {
        let intact = YamahaStyleReaderTests.sampleFile()
        let track = try #require(try YamahaChunk.split(intact, 0..<intact.count, in: nil).first { $0.id == "MTrk" })
        var rng = YamahaDamagedFileTests.Generator(state: 5)
        var loaded = 0
        for round in 0..<90 {
            let copy: [UInt8]
            switch round % 3 {
            case 0:
                copy = YamahaDamage.inserting(UInt8(0x80 + rng.next(0x70)), at: track.payload.lowerBound + rng.next(track.payload.count), into: intact, track: track)
            case 1:
                var c = intact
                c[track.payload.lowerBound + rng.next(track.payload.count)] ^= UInt8(1 << rng.next(8))
                copy = c
            default:
                copy = YamahaDamage.cutting(track, to: rng.next(track.payload.count), in: intact)
            }
            do {
                _ = try YamahaStyleReader.importStyle(copy, fileName: Self.name)
                loaded += 1
            } catch {
                #expect(error.description.hasPrefix("\(Self.name): "), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
        print("generated style: \(loaded) of 90 copies with a damaged track load")
    }
}

/// Damage that keeps the file's chunks framed: the MTrk length follows the change.
enum YamahaDamage {
    static func withTrackLength(_ bytes: [UInt8], _ track: YamahaChunk, _ length: Int) -> [UInt8] {
        var copy = bytes
        let at = track.headerOffset + 4
        copy[at..<at + 4] = [UInt8(length >> 24 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)][...]
        return copy
    }

    static func inserting(_ byte: UInt8, at offset: Int, into bytes: [UInt8], track: YamahaChunk) -> [UInt8] {
        var copy = withTrackLength(bytes, track, track.payload.count + 1)
        copy.insert(byte, at: offset)
        return copy
    }

    /// The track's payload cut to `length` bytes; what follows the track stays.
    static func cutting(_ track: YamahaChunk, to length: Int, in bytes: [UInt8]) -> [UInt8] {
        var copy = withTrackLength(bytes, track, length)
        copy.removeSubrange(track.payload.lowerBound + length..<track.payload.upperBound)
        return copy
    }
}
