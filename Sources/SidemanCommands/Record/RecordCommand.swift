import ArgumentParser
import ControlSocket
import Foundation
import SidemanDaemon

/// `sideman record start|stop|arm`: asks the running daemon to start a take now, end the one
/// running, or arm one (the next first note or the band's start begins it).
public struct RecordCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Start, stop or arm a take in the running daemon (MIDI and audio, in [record] folder).")

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case start, stop, arm
    }

    @Argument(help: "start, stop or arm.")
    var action: Action

    @Option(help: "The daemon's control socket (overrides the configuration's [daemon] socket).")
    var socket: String?

    @Option(help: "Configuration file naming the socket (default: \(SidemanConfig.defaultPath), if it exists).")
    var config: String?

    public init() {}

    public func run() throws {
        do {
            let path = try DaemonConnection.socketPath(socket: socket, config: config)
            let reply = try ControlClient.request("record \(action.rawValue)", socket: path)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard reply.hasPrefix("ok") else { throw DaemonError(reply.hasPrefix("error: ") ? String(reply.dropFirst(7)) : reply) }
            print(reply.hasPrefix("ok: ") ? String(reply.dropFirst(4)) : reply)
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("sideman record: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
