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

/// Runs a subcommand's body: an error is one line on standard error and exit status 1.
func recordings(_ name: String, _ body: () throws -> Void) throws {
    do { try body() } catch {
        try? FileHandle.standardError.write(contentsOf: Data("sideman recordings \(name): \(error)\n".utf8))
        throw ExitCode.failure
    }
}

struct RecordingsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The takes, oldest first: name, length, files.")
    @OptionGroup var location: RecordingsFolder
    @Flag(help: "One JSON array of takes.") var json = false

    func run() throws {
        try recordings("list") {
            let library = try location.library()
            let takes = library.list()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                print(String(decoding: try encoder.encode(takes), as: UTF8.self))
                return
            }
            guard !takes.isEmpty else {
                print("no takes in \(library.folder)")
                return
            }
            for take in takes {
                let length = take.seconds.map { String(format: "%d:%04.1f", Int($0) / 60, $0.truncatingRemainder(dividingBy: 60)) } ?? "-"
                // mid+flac, or mid+flac+band.flac+input.flac with an input recorded.
                let kinds = take.files.map { String($0.dropFirst(take.name.count + 1)) }.sorted { ($0.count, $0) < ($1.count, $1) }
                    .joined(separator: "+")
                print("\(take.name)  \(length)  \(kinds)  \(take.bytes / 1024) KiB")
            }
        }
    }
}

struct RecordingsPlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "play", abstract: "Play a take's audio on a sound card (through aplay).")
    @OptionGroup var location: RecordingsFolder
    @Argument(help: "The take's name (or the start of it).") var name: String
    @Option(help: "ALSA playback device.") var device = "default"

    func run() throws {
        try recordings("play") {
            let library = try location.library()
            let take = try library.find(name)
            guard let audio = take.audioFile else { throw RecorderError.file(take.name, "has no audio file") }
            let file = try SoundFile(reading: library.path(audio))
            let player = Process()
            player.executableURL = URL(fileURLWithPath: "/usr/bin/aplay")
            player.arguments = ["-q", "-D", device, "-t", "raw", "-f", "S16_LE", "-r", "\(file.sampleRate)", "-c", "\(file.channels)"]
            let pipe = Pipe()
            player.standardInput = pipe
            do { try player.run() } catch { throw RecorderError.file("/usr/bin/aplay", "cannot run (install alsa-utils)") }
            print("playing \(take.name)")
            var block = [Int16](repeating: 0, count: 4096 * file.channels)
            while true {
                let n = block.withUnsafeMutableBufferPointer { file.read(into: $0) }
                if n == 0 { break }
                let bytes = block.withUnsafeBytes { Data($0.prefix(n * file.channels * 2)) }
                do { try pipe.fileHandleForWriting.write(contentsOf: bytes) } catch { break }
            }
            try? pipe.fileHandleForWriting.close()
            player.waitUntilExit()
        }
    }
}

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

struct RecordingsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a take's files.")
    @OptionGroup var location: RecordingsFolder
    @Argument(help: "The take's name (exactly, or the start of it when only one take matches).") var name: String

    func run() throws {
        try recordings("delete") {
            let take = try location.library().delete(name)
            print("deleted \(take.name) (\(take.files.joined(separator: ", ")))")
        }
    }
}
