import ArgumentParser
import Foundation
import Recorder
import SidemanDaemon

/// `sideman recordings list`: the takes, oldest first, as lines or one JSON array.
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
