import Foundation
import Testing

@testable import SidemanDaemon

@Suite struct ConfigOutTests {
    @Test func bandAndClockGoOutByDefault() {
        let config = SidemanConfig()
        #expect(config.out.band && config.clock.send && !config.clock.follow)
        #expect(config.liveOutput?.sendsBand == true && config.liveOutput?.sendsClock == true)
        #expect(config.clockFollower == nil)
    }

    @Test func outAndClockKeysAreRead() throws {
        let config = try SidemanConfig.parse("[out]\nband = false\n[clock]\nsend = false\nfollow = true\n")
        #expect(!config.out.band && !config.clock.send && config.clock.follow)
        #expect(config.liveOutput == nil, "nothing to send: no output thread")
        #expect(config.clockFollower != nil)
    }

    @Test func aBadOutKeyNamesTheFileAndKey() {
        #expect(throws: ConfigError.self) { try SidemanConfig.parse("[out]\nbands = true\n", file: "x.toml") }
        #expect(throws: ConfigError.self) { try SidemanConfig.parse("[out]\nband = 1\n", file: "x.toml") }
    }
}

/// `[out] connect`: the synths and DAWs `out` connects to by itself.
@Suite struct ConfigOutConnectTests {
    @Test func noneByDefault() throws {
        #expect(SidemanConfig().out.connect.patterns.isEmpty)
        #expect(try SidemanConfig.parse("[out]\nconnect = []\n").out.connect.patterns.isEmpty)
        #expect(try SidemanConfig.parse("[out]\nconnect = \"none\"\n").out.connect.patterns.isEmpty)
    }

    @Test func patternsAreRead() throws {
        let config = try SidemanConfig.parse("[out]\nconnect = [\"FLUID Synth\", \"Surge XT:*\"]\n")
        #expect(config.out.connect.patterns.map(\.text) == ["FLUID Synth", "Surge XT:*"])
        #expect(try SidemanConfig.parse("[out]\nconnect = \"aseqdump\"\n").out.connect.patterns.map(\.text) == ["aseqdump"])
    }

    /// One line naming the file, the line and the key, as `sideman config check` prints it.
    @Test(arguments: ["connect = [\"\"]", "connect = [\"all\"]", "connect = [\"FLUID\", \"none\"]", "connect = 3"])
    func patternsThatWouldConnectEverythingAreRefused(line: String) throws {
        let error = try #require(throws: ConfigError.self) { try SidemanConfig.parse("[out]\nband = true\n\(line)\n", file: "x.toml") }
        #expect(error.description.hasPrefix("x.toml:3: out.connect"), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func theShippedFileDocumentsTheKey() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/sideman.toml").path
        let config = try SidemanConfig.load(path: path)
        #expect(config.out.connect.patterns.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("connect = [\"FLUID Synth\", \"Surge XT:*\"]"))
    }
}
