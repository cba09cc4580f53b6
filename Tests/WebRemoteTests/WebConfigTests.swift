import SidemanDaemon
import Testing

@Suite struct WebConfigTests {
    @Test func theWebTableIsRead() throws {
        let config = try SidemanConfig.parse("[web]\nenabled = false\nlisten = \"[::]:9090\"\npassword = \"stage-door\"\n")
        #expect(config.web.enabled == false)
        #expect(config.web.hostAndPort?.host == "::")
        #expect(config.web.hostAndPort?.port == 9090)
        #expect(config.web.password == "stage-door")
        #expect(SidemanConfig().web.listen == "0.0.0.0:8080")
    }

    @Test(arguments: [
        ("[web]\nlisten = \"8080\"\n", "listen"), ("[web]\nlisten = \"0.0.0.0:99999\"\n", "listen"),
        ("[web]\npassword = \"ab\"\n", "password"), ("[web]\nport = 8080\n", "port"),
    ])
    func badValuesNameTheKey(text: String, key: String) {
        #expect {
            try SidemanConfig.parse(text, file: "sideman.toml")
        } throws: { error in
            "\(error)".contains("sideman.toml") && "\(error)".contains(key)
        }
    }
}
