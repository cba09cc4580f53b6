import Foundation
import Practice
import Testing

@testable import SidemanDaemon

/// One reader for a setlist file, for the control socket and the web remote's listing: each
/// problem is one line naming the source it is given, never more than the file's name when
/// the web asks.
@Suite struct SetlistFileTests {
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-setlist-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func problem(_ path: String, source: String? = nil) -> String? {
        do {
            _ = try Setlist.load(path: path, source: source)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func aGoodFileLoads() throws {
        let path = try Self.file(Array("Title = Gig\nblues-major-f --tempo 120\ncircle-of-fifths\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let setlist = try Setlist.load(path: path)
        #expect(setlist.title == "Gig" && setlist.songs.count == 2)
    }

    @Test func eachProblemIsOneLineNamingTheSource() throws {
        #expect(Self.problem("/nonexistent/tuesday.txt") == "/nonexistent/tuesday.txt: no such file")
        let big = try Self.file(Array(repeating: UInt8(ascii: "#"), count: Setlist.maxFileBytes + 1))
        let latin = try Self.file([0x62, 0x6C, 0xE9, 0x0A])
        let broken = try Self.file(Array("blues-major-f --tempi 3\n".utf8))
        defer { for p in [big, latin, broken] { try? FileManager.default.removeItem(atPath: p) } }
        #expect(Self.problem(big, source: "big.txt") == "big.txt: \(Setlist.maxFileBytes + 1) bytes, more than a setlist's \(Setlist.maxFileBytes)")
        #expect(Self.problem(latin, source: "latin.txt") == "latin.txt: not UTF-8 text")
        let parse = try #require(Self.problem(broken, source: "broken.txt"))
        #expect(parse.hasPrefix("broken.txt:1: unknown option --tempi"))
        #expect(!parse.contains(FileManager.default.temporaryDirectory.path))
    }
}
