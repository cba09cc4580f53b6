import ArgumentParser
import ControlSocket
import Foundation
import SidemanDaemon

/// `sideman status`: asks the running daemon, over its control socket, what it is doing.
public struct StatusCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the running daemon is doing: style, section, tempo, chord, inputs, audio.",
        discussion: """
            Talks to the control socket of `sideman serve`: --socket, else the [daemon] socket of \
            --config or of \(SidemanConfig.defaultPath), else /run/sideman/control.sock. The socket \
            is readable by the sideman group.
            """)

    @Option(help: "The daemon's control socket (overrides the configuration's [daemon] socket).")
    var socket: String?

    @Option(help: "Configuration file naming the socket (default: \(SidemanConfig.defaultPath), if it exists).")
    var config: String?

    @Flag(help: "Print the daemon's answer as JSON (one object).")
    var json = false

    /// Another request line, printed as answered (the test build's `fault stall`).
    @Option(help: .hidden)
    var request: String?

    public init() {}

    public func run() throws {
        do {
            let path = try socketPath()
            if let request {
                let reply = try ControlClient.request(request, socket: path)
                guard !reply.hasPrefix("error") else { throw DaemonError(reply.trimmingCharacters(in: .whitespacesAndNewlines)) }
                print(reply, terminator: "")
                return
            }
            let reply = try ControlClient.request("status", socket: path)
            guard reply.hasPrefix("{") else { throw DaemonError(reply.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if json {
                print(reply, terminator: reply.hasSuffix("\n") ? "" : "\n")
            } else {
                print(try DaemonConnection.statusReport(reply).text, terminator: "")
            }
        } catch {
            // The throwing write: an unwritable standard error (a full disk) must not crash.
            try? FileHandle.standardError.write(contentsOf: Data("sideman status: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    func socketPath() throws -> String { try DaemonConnection.socketPath(socket: socket, config: config) }
}
