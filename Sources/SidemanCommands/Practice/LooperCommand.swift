import ArgumentParser
import Foundation
import SidemanDaemon

/// `sideman looper record|play|save`: the chord looper's memories from the command line.
public struct LooperCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "looper",
        abstract: "Chord looper: record your left hand for N bars, play it back as a loop, save it as a chart.",
        subcommands: [Record.self, Play.self, Save.self])

    public init() {}

    public struct Record: ParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Record the left hand from the next bar line into a memory (1-8).")
        @Argument(help: "Memory 1-8.") var memory: Int
        @Option(help: "Bars to record.") var bars = 4
        @OptionGroup var connection: DaemonConnection
        public init() {}
        public func run() throws { try connection.send(.looperRecord(slot: memory, bars: bars), as: "looper record") }
    }

    public struct Play: ParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Play a loop memory (the band follows it as a chart).")
        @Argument(help: "Memory 1-8.") var memory: Int
        @OptionGroup var connection: DaemonConnection
        public init() {}
        public func run() throws { try connection.send(.looperPlay(slot: memory), as: "looper play") }
    }

    public struct Save: ParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Save a loop memory as a chart file.")
        @Argument(help: "Memory 1-8.") var memory: Int
        @Argument(help: "The chart file to write (e.g. /var/lib/sideman/charts/my-loop.chart).") var file: String
        @OptionGroup var connection: DaemonConnection
        public init() {}
        public func run() throws {
            let path = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
            try connection.send(.looperSave(slot: memory, path: path), as: "looper save")
        }
    }
}
