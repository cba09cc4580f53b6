import ArgumentParser
import Foundation

/// `sideman styles`: the style commands; on its own, `sideman styles list`. It declares no
/// options itself: swift-argument-parser lets a parent consume any flag it shares with a
/// subcommand, wherever it appears on the line (`styles inspect FILE --json` lost its `--json`).
public struct StylesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "styles",
        abstract: "List the available styles, or inspect a style file.",
        subcommands: [StylesListCommand.self, StylesInspectCommand.self],
        defaultSubcommand: StylesListCommand.self)

    public init() {}

    static var executablePath: String? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    static func printError(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }
}
