import ArgumentParser
import Recorder
import SidemanDaemon

/// The folder option every `recordings` subcommand shares.
struct RecordingsFolder: ParsableArguments {
    @Option(help: "The recordings folder (default: [record] folder of the configuration, /var/lib/sideman/recordings).")
    var folder: String?

    @Option(help: "Configuration file (default: \(SidemanConfig.defaultPath), if it exists).")
    var config: String?

    func library() throws -> TakeLibrary {
        if let folder { return TakeLibrary(folder: folder) }
        return TakeLibrary(folder: (try StylesCommand.configuration(path: config) ?? SidemanConfig()).record.folder)
    }
}
