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
