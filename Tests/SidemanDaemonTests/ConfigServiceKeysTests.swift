import Testing

@testable import SidemanDaemon

/// The keys the service adds: the styles drop-in folder and the control socket.
@Suite struct ConfigServiceKeysTests {
    @Test func defaults() {
        let config = SidemanConfig()
        #expect(config.style.folder == "/var/lib/sideman/styles")
        #expect(config.daemon.socket == "/run/sideman/control.sock")
    }

    @Test func valuesAreRead() throws {
        let config = try SidemanConfig.parse("[style]\nfolder = \"/home/pi/styles\"\n[daemon]\nsocket = \"/tmp/s.sock\"\n")
        #expect(config.style.folder == "/home/pi/styles")
        #expect(config.daemon.socket == "/tmp/s.sock")
    }

    @Test func aRelativeSocketIsOneLineNamingFileLineAndKey() {
        #expect(throws: ConfigError(file: "f.toml", line: 2, key: "daemon.socket", message: "must be an absolute path, not 'control.sock'")) {
            try SidemanConfig.parse("[daemon]\nsocket = \"control.sock\"\n", file: "f.toml")
        }
        #expect(throws: ConfigError.self) { try SidemanConfig.parse("[daemon]\nport = 3\n") }
    }
}
