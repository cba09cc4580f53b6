import Foundation
import Testing

@testable import Recorder

/// The recordings folder read as takes: a take found by its exact name or the start of it,
/// with only its own files read.
@Suite struct TakeLibraryTests {
    /// A folder with takes of one second each (MIDI and WAV), and one take whose audio file
    /// is not audio: reading it gives no length, never an error.
    func folder(_ names: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-library-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in names {
            let file = try SoundFile(creating: folder + "/\(name).wav", format: .wav, sampleRate: 48_000)
            let second = [Int16](repeating: 100, count: 96_000)
            second.withUnsafeBufferPointer { _ = file.write($0) }
            try file.close()
            _ = FileManager.default.createFile(atPath: folder + "/\(name).mid", contents: Data([0x4D, 0x54]))
        }
        _ = FileManager.default.createFile(atPath: folder + "/2026-12-07 090000 broken.flac", contents: Data("not audio".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("not a take".utf8))
        return folder
    }

    @Test func aTakeIsFoundByItsExactName() throws {
        let names = ["2026-12-07 081500 bossa-nova", "2026-12-07 081500 bossa-nova 2"]
        let dir = try folder(names)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = TakeLibrary(folder: dir)
        let take = try #require(library.take(named: names[0]))
        #expect(take.files == ["\(names[0]).mid", "\(names[0]).wav"])
        #expect(take.seconds == 1.0)
        #expect(take.bytes > 96_000 * 2)
        #expect(library.take(named: "2026-12-07 081500") == nil, "a start of a name is no exact name")
        #expect(library.take(named: "2026-12-07 090000 broken")?.seconds == nil)
        #expect(library.list().map(\.name) == names + ["2026-12-07 090000 broken"])
        #expect(library.list().first == take)
    }

    @Test func findTakesTheExactNameOrAUniqueStart() throws {
        let names = ["2026-12-07 081500 bossa-nova", "2026-12-07 081500 bossa-nova 2", "2026-12-07 083000 medium-swing"]
        let dir = try folder(names)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = TakeLibrary(folder: dir)
        #expect(try library.find(names[0]).name == names[0], "exact, though another take starts with it")
        #expect(try library.find("2026-12-07 0830").name == names[2])
        #expect(try library.find("2026-12-07 0830").seconds == 1.0)
        #expect(throws: RecorderError.self) { try library.find("2026-12-07 0815") }
        #expect(throws: RecorderError.self) { try library.find("2025") }
        #expect(try library.delete("2026-12-07 0830").name == names[2])
        #expect(library.list().map(\.name) == names.prefix(2) + ["2026-12-07 090000 broken"])
    }
}
