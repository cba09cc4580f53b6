import Testing

@testable import SidemanDaemon

@Suite struct ConfigKeyLocatorTests {
    @Test func findsKeysUnderTheirTables() {
        let text = """
            # comment = not a key
            top = 1
            [audio]
            device = "hw:0"

            [control.map]
            "fill" = "cc 64"
            [keyboard]
              split_point=3
            inputs.connect = "all"
            """
        let l = TOMLKeyLocator(text: text)
        #expect(l.line(of: ["top"]) == 2)
        #expect(l.line(of: ["audio", "device"]) == 4)
        #expect(l.line(of: ["control", "map", "fill"]) == 7)
        #expect(l.line(of: ["control", "map"]) == 6)
        #expect(l.line(of: ["keyboard", "split_point"]) == 9)
        #expect(l.line(of: ["keyboard", "inputs", "connect"]) == 10)
        // An unwritten key points at its table; an unwritten table at nothing.
        #expect(l.line(of: ["audio", "periods"]) == 3)
        #expect(l.line(of: ["clock", "send"]) == nil)
    }
}
