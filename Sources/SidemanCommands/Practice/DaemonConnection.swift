import ArgumentParser
import ControlSocket
import Foundation
import SidemanDaemon

/// How the practice commands reach the running daemon: the control socket named by --socket,
/// else the [daemon] socket of --config or of the default configuration.
struct DaemonConnection: ParsableArguments {
    @Option(help: "The daemon's control socket (overrides the configuration's [daemon] socket).")
    var socket: String?

    @Option(help: "Configuration file naming the socket (default: \(SidemanConfig.defaultPath), if it exists).")
    var config: String?

    @Flag(help: "Print the daemon's answer as JSON.")
    var json = false

    func socketPath() throws -> String { try Self.socketPath(socket: socket, config: config) }

    /// `socket` if given, else the `[daemon] socket` of the configuration file `config` (or of
    /// the default one, if it exists): how every command that talks to the daemon finds it.
    static func socketPath(socket: String?, config: String?) throws -> String {
        if let socket { return socket }
        return (try StylesCommand.configuration(path: config) ?? SidemanConfig()).daemon.socket
    }

    /// The daemon's reply to `status` (snake_case JSON) read back into its report.
    static func statusReport(_ reply: String) throws -> DaemonStatusReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(DaemonStatusReport.self, from: Data(reply.utf8))
    }

    /// Sends one command; prints the practice status (text, or the JSON reply with --json).
    /// A refusal is one line on standard error naming the command, and a failing exit.
    func send(_ command: ControlCommand, as name: String) throws {
        do {
            let reply = try ControlClient.request(command.jsonLine, socket: try socketPath())
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            guard let data = reply.data(using: .utf8), let answer = try? decoder.decode(CommandReply.self, from: data) else {
                throw DaemonError(reply.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            guard answer.ok, let status = answer.status else { throw DaemonError(answer.error ?? "refused") }
            if json {
                print(reply, terminator: reply.hasSuffix("\n") ? "" : "\n")
            } else {
                for (key, value) in status.lines { print("\(key.padding(toLength: 15, withPad: " ", startingAt: 0)) \(value)") }
            }
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("sideman \(name): \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The daemon's JSON reply to a command.
    struct CommandReply: Decodable {
        var ok: Bool
        var status: PracticeStatus?
        var error: String?
    }
}
