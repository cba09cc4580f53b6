import ArgumentParser
import Foundation
import Testing

@testable import SidemanCommands

@Suite struct ConfigCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theShippedFileChecksOk() throws {
        let path = Self.root.appendingPathComponent("config/sideman.toml").path
        var command = try SidemanCommand.parseAsRoot(["config", "check", path])
        try command.run()
    }

    @Test func aBadFileExitsWithStatusOne() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-bad-\(getpid()).toml").path
        try "[keyboard]\nsplit_point = 300\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var command = try SidemanCommand.parseAsRoot(["config", "check", path])
        #expect(throws: ExitCode(1)) { try command.run() }
    }

    /// FluidSynth 2.3 would load samples on the audio thread at every style change.
    @Test func dynamicSampleLoadingIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-dyn-\(getpid()).toml").path
        try "[synth]\ndynamic_sample_loading = true\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var command = try SidemanCommand.parseAsRoot(["config", "check", path])
        #expect(throws: ExitCode(1)) { try command.run() }
    }
}
