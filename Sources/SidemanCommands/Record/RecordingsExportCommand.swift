import ArgumentParser

/// `sideman recordings export NAME --out DIR`: copies of a take's files.
struct RecordingsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Copy a take's files (MIDI and audio) into a folder.")
    @OptionGroup var location: RecordingsFolder
    @Argument(help: "The take's name (or the start of it).") var name: String
    @Option(help: "The folder to copy into.") var out: String

    func run() throws {
        try recordings("export") {
            for path in try location.library().export(name, to: out) { print("wrote \(path)") }
        }
    }
}
