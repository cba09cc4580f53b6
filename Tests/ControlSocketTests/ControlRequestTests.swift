import Testing

@testable import ControlSocket

/// The request line the server hands to its handler, from whatever bytes a client sent.
@Suite struct ControlRequestTests {
    @Test func firstLineTrimmed() {
        #expect(ControlRequest.line(from: Array("  status json \r\nfault stall\n".utf8)) == "status json")
        #expect(ControlRequest.line(from: Array("\tstatus".utf8)) == "status")
        #expect(ControlRequest.line(from: [UInt8]()) == "")
        #expect(ControlRequest.line(from: Array("\nstatus".utf8)) == "")
    }

    @Test func bytesThatAreNotUTF8AreReplacedNotTrusted() {
        let line = ControlRequest.line(from: [0x73, 0xFF, 0xC3, 0x74, 0x0A, 0x80])
        #expect(line == "s\u{FFFD}\u{FFFD}t")
    }

    @Test func aLongRequestIsCutAtTheLimit() {
        let line = ControlRequest.line(from: [UInt8](repeating: 0x61, count: 5 * ControlRequest.maximumBytes))
        #expect(line.utf8.count == ControlRequest.maximumBytes)
    }
}
