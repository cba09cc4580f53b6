import ArgumentParser
import ControlSocket
import Foundation
import Recorder
import SidemanDaemon

/// `sideman recordings delete NAME`: deletes a take's files, but never the take the running
/// daemon is writing into the same folder (the socket and the web refuse it too).
struct RecordingsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a take's files (never the take being recorded).")
    @OptionGroup var location: RecordingsFolder
    @Argument(help: "The take's name (exactly, or the start of it when only one take matches).") var name: String
    @Option(help: "The daemon's control socket, asked which take it is recording (default: the configuration's [daemon] socket).")
    var socket: String?

    func run() throws {
        try recordings("delete") {
            let library = try location.library()
            let take = try library.find(name)
            let socketPath = try DaemonConnection.socketPath(socket: socket, config: location.config)
            if let recording = Self.takeBeingRecorded(in: library.folder, socket: socketPath), recording == take.name {
                throw RecorderError.file(take.name, "is being recorded; stop the take first (sideman record stop)")
            }
            let deleted = try library.delete(take.name)
            print("deleted \(deleted.name) (\(deleted.files.joined(separator: ", ")))")
        }
    }

    /// The take the daemon on `socket` is recording into `folder` (the same folder, links
    /// resolved), or nil when none is, or no daemon answers.
    static func takeBeingRecorded(in folder: String, socket: String) -> String? {
        guard let reply = try? ControlClient.request("status", socket: socket, timeoutSeconds: 2), reply.hasPrefix("{"),
            let record = (try? DaemonConnection.statusReport(reply))?.record,
            record.state == "recording", let take = record.take
        else { return nil }
        return realPath(record.folder) == realPath(folder) ? take : nil
    }

    private static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
