import ArgumentParser
import SidemanDaemon

/// `sideman stop`: the song (or, in arranger mode, the band) stops, every note ended.
public struct StopCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop the song playing (or the band, in arranger mode).")

    @OptionGroup var connection: DaemonConnection

    public init() {}

    public func run() throws { try connection.send(.stop, as: "stop") }
}
