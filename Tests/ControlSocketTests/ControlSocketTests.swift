import Foundation
import Testing

@testable import ControlSocket

/// The control socket for real, in a temporary folder: its mode, one request and one answer per
/// connection, a silent client dropped, a clear error when nobody listens.
@Suite struct ControlSocketTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-sock-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theSocketIsForOwnerAndGroupAndItsFolderIsMade() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("run/control.sock").path
        let server = try ControlServer(path: path) { "got \($0)\n" }
        defer { server.stop() }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o660)
        #expect(try ControlClient.request("  status  ", socket: path) == "got status\n")
    }

    @Test func stoppedServerRemovesItsSocket() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("control.sock").path
        let server = try ControlServer(path: path) { _ in "pong\n" }
        #expect(try ControlClient.request("ping", socket: path) == "pong\n")
        server.stop()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: ControlSocketError("no daemon listening on \(path) (is sideman serve running?)")) {
            try ControlClient.request("status", socket: path)
        }
    }

    /// Root connects whatever the mode, so only an ordinary user can see the refusal (the VM's
    /// service scenario checks it for a user outside the group).
    @Test(.enabled(if: getuid() != 0, "skipped: root ignores the socket's permissions"))
    func aRefusedUserIsToldWhy() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("control.sock").path
        let server = try ControlServer(path: path) { _ in "pong\n" }
        defer { server.stop() }
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        #expect(throws: ControlSocketError(
            "\(path): permission denied (only members of the group sideman may ask: sudo adduser $USER sideman)")) {
            try ControlClient.request("status", socket: path)
        }
    }

    @Test func aSilentClientDoesNotBlockTheNext() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("control.sock").path
        let server = try ControlServer(path: path) { "echo \($0)\n" }
        defer { server.stop() }
        // A client that connects and says nothing is dropped after a second.
        let silent = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        _ = UnixSocketAddress(path: path)!.with { connect(silent, $0, $1) }
        defer { close(silent) }
        #expect(try ControlClient.request("hello", socket: path) == "echo hello\n")
    }

    @Test func aPathTooLongIsOneLine() {
        let path = "/tmp/" + String(repeating: "x", count: 120)
        #expect(throws: ControlSocketError("\(path): too long for a unix socket path")) {
            try ControlClient.request("status", socket: path)
        }
    }
}
