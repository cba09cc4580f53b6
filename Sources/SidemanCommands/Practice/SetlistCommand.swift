import ArgumentParser
import Foundation
import SidemanDaemon

/// `sideman setlist load FILE | next | previous`: an ordered list of songs with their settings.
public struct SetlistCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "setlist",
        abstract: "Load a setlist (songs with their settings) and move through it.",
        discussion: """
            A setlist is a text file, one song a line with the options of `sideman play` \
            (docs/setlists.md). Loading it plays its first song; when a song ends the next one \
            starts (Advance = auto), or waits for `sideman setlist next` or the footswitch.
            """,
        subcommands: [Load.self, Next.self, Previous.self])

    public init() {}

    public struct Load: ParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Load a setlist file and play its first song.")
        @Argument(help: "The setlist file.") var file: String
        @OptionGroup var connection: DaemonConnection
        public init() {}
        public func run() throws {
            // The daemon reads the file: give it a path that does not depend on this shell's folder.
            let path = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
            try connection.send(.setlistLoad(path: path), as: "setlist load")
        }
    }

    public struct Next: ParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Play the next song of the setlist.")
        @OptionGroup var connection: DaemonConnection
        public init() {}
        public func run() throws { try connection.send(.setlistNext, as: "setlist next") }
    }

    public struct Previous: ParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Play the previous song of the setlist.")
        @OptionGroup var connection: DaemonConnection
        public init() {}
        public func run() throws { try connection.send(.setlistPrevious, as: "setlist previous") }
    }
}
