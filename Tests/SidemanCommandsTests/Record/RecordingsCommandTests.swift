import ArgumentParser
import Foundation
import Recorder
import Testing

@testable import SidemanCommands

@Suite("sideman recordings: list, export, delete") struct RecordingsCommandTests {
    /// A folder with one take: a MIDI file and a short WAV.
    func folderWithTake(_ name: String) throws -> String {
        let folder = temporaryFolder("recordings")
        let file = try SoundFile(creating: folder + "/\(name).wav", format: .wav, sampleRate: 48_000)
        let second = [Int16](repeating: 100, count: 96_000)
        second.withUnsafeBufferPointer { _ = file.write($0) }
        try file.close()
        FileManager.default.createFile(atPath: folder + "/\(name).mid", contents: Data([0x4D, 0x54]))
        return folder
    }

    @Test func listExportDelete() throws {
        let name = "2026-12-06 183012 medium-swing"
        let folder = try folderWithTake(name)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        var list = try SidemanCommand.parseAsRoot(["recordings", "list", "--json", "--folder", folder])
        try list.run()
        let takes = TakeLibrary(folder: folder).list()
        #expect(takes.map(\.name) == [name])
        #expect(takes[0].seconds == 1.0)

        let out = temporaryFolder("export")
        defer { try? FileManager.default.removeItem(atPath: out) }
        var export = try SidemanCommand.parseAsRoot(["recordings", "export", "2026-12-06 1830", "--out", out, "--folder", folder])
        try export.run()
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == ["\(name).wav", "\(name).mid"])

        var missing = try SidemanCommand.parseAsRoot(["recordings", "delete", "no-such-take", "--folder", folder])
        #expect(throws: ExitCode.failure) { try missing.run() }
        #expect(TakeLibrary(folder: folder).list().count == 1)

        var delete = try SidemanCommand.parseAsRoot(["recordings", "delete", name, "--folder", folder])
        try delete.run()
        #expect(TakeLibrary(folder: folder).list().isEmpty)
        list = try SidemanCommand.parseAsRoot(["recordings", "list", "--folder", folder])
        try list.run()
    }

    @Test func recordNeedsARunningDaemon() throws {
        var command = try SidemanCommand.parseAsRoot(["record", "start", "--socket", "/nonexistent/control.sock"])
        #expect(throws: ExitCode.failure) { try command.run() }
        #expect(throws: (any Error).self) { try SidemanCommand.parseAsRoot(["record", "pause"]) }
    }
}
