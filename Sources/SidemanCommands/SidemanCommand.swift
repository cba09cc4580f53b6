import ArgumentParser

/// The `sideman` command line: one executable, one subcommand per job.
public struct SidemanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sideman",
        abstract: "A headless arranger: follows the chords you play and plays a band through FluidSynth.",
        version: "0.1.0",
        subcommands: [
            ChordCommand.self, StylesCommand.self, ChartsCommand.self, ConfigCommand.self, ALSAProbeCommand.self, RenderCommand.self, ServeCommand.self,
            StatusCommand.self, PlayCommand.self, StopCommand.self, SetlistCommand.self, ModeCommand.self, LooperCommand.self, RecordCommand.self, RecordingsCommand.self,
        ]
    )
    public init() {}
}
