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

    @Test(arguments: samples)
    func truncatedCopiesFailClearly(name: String) throws {
        let bytes = try YamahaTestFiles.bytes(name)
        var rng = Generator(state: 42)
        var failures = 0
        for _ in 0..<40 {
            let cut = rng.next(bytes.count)
            do {
                _ = try YamahaStyleReader.importStyle(Array(bytes.prefix(cut)), fileName: name)
            } catch {
                failures += 1
                #expect(error.description.hasPrefix("\(name): "))
                #expect(!error.description.contains("\n"))
            }
        }
        // Cutting anywhere before the end loses the CASM chunk or truncates a chunk.
        #expect(failures == 40)
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
