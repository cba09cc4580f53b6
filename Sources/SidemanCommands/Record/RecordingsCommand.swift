import ArgumentParser
import Foundation
import Recorder
import SidemanDaemon

/// `sideman recordings list|play|export|delete`: the takes in the recordings folder, read
/// straight from the folder (`--folder`, else `[record] folder`), with or without the daemon.
public struct RecordingsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "recordings",
        abstract: "List, play, export or delete the takes in the recordings folder.",
        subcommands: [RecordingsListCommand.self, RecordingsPlayCommand.self, RecordingsExportCommand.self, RecordingsDeleteCommand.self])

    public init() {}
}

/// Runs a subcommand's body: an error is one line on standard error and exit status 1.
func recordings(_ name: String, _ body: () throws -> Void) throws {
    do { try body() } catch {
        try? FileHandle.standardError.write(contentsOf: Data("sideman recordings \(name): \(error)\n".utf8))
        throw ExitCode.failure
    }
}
