import ArgumentParser
import SidemanDaemon

/// `sideman mode chart|arranger`: who leads the band.
public struct ModeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mode", abstract: "Who leads the band: chart (the song playing) or arranger (your left hand).")

    @Argument(help: "chart or arranger.")
    var mode: String

    @OptionGroup var connection: DaemonConnection

    public init() {}

    public func validate() throws {
        guard ControlMode(rawValue: mode) != nil else { throw ValidationError("mode \"\(mode)\": give chart or arranger") }
    }

    public func run() throws { try connection.send(.mode(ControlMode(rawValue: mode)!), as: "mode") }
}
