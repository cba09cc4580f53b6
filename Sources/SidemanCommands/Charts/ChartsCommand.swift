import ArgumentParser
import Foundation
import MusicCore
import Practice

/// `sideman charts`: the songs and drills of the chart library — list them, show one bar by
/// bar, import iReal Pro links.
public struct ChartsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "charts",
        abstract: "List, show and import songs and practice drills (chord charts).",
        discussion: """
            Charts are found in /var/lib/sideman/charts (your own), the charts/ folder of a source \
            checkout, and /usr/local/share/sideman/charts or /usr/share/sideman/charts.
            """,
        subcommands: [ChartsListCommand.self, ChartsShowCommand.self, ChartsImportCommand.self],
        defaultSubcommand: ChartsListCommand.self
    )
    public init() {}
}

/// Writes one line to standard error and fails: how every charts command reports a problem.
func failCommand(_ name: String, _ error: Error) -> ExitCode {
    var line = "sideman charts \(name): \(error)\n"
    line.withUTF8 { FileHandle.standardError.write(Data($0)) }
    return ExitCode.failure
}
