import ArgumentParser
import Foundation
import MusicCore
import SidemanDaemon
import StyleEngine

/// `sideman serve`: the arranger as a daemon — reads the configuration, connects the MIDI
/// keyboards and plays the band on the sound card until SIGTERM or SIGINT.
public struct ServeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the arranger: follow the keyboard's chords and play the band (foreground).",
        discussion: """
            Reads \(SidemanConfig.defaultPath) (the defaults if it does not exist), connects every \
            MIDI keyboard the [inputs] section selects, also those plugged in later, and plays \
            through the [audio] device. Logs to standard error. SIGTERM or SIGINT ends every note \
            and exits.
            """)

    @Option(help: "Configuration file (default: \(SidemanConfig.defaultPath), if it exists).")
    var config: String?

    @Option(name: .customLong("audio-device"), help: "ALSA PCM to play to, e.g. hw:0,0 (overrides [audio] device).")
    var audioDevice: String?

    @Option(help: "SoundFont file (overrides [synth] soundfont).")
    var soundfont: String?

    @Option(help: "Style name or file (overrides [style] name).")
    var style: String?

    @Option(help: "Split point, a note name or number: keys below it play chords (overrides [keyboard] split_point).")
    var split: String?

    @Option(help: "Fingering mode: \(SidemanConfig.fingeringModes.joined(separator: ", ")).")
    var mode: String?

    public init() {}

    public func run() throws {
        do {
            try serve()
        } catch {
            var line = "sideman serve: \(error)\n"
            line.withUTF8 { FileHandle.standardError.write(Data($0)) }
            throw ExitCode.failure
        }
    }

    func serve() throws {
        var options = ServeOptions(configPath: config, audioDevice: audioDevice, soundFont: soundfont, fingering: mode)
        if let split {
            guard let note = NoteName.parse(split) else {
                throw DaemonError("--split: unknown note '\(split)' (a name such as F#3 or a number 0-127)")
            }
            options.splitPoint = note
        }
        // The configuration first (its errors come before any style search), then the styles.
        let configuration = try Daemon.configuration(for: options)
        let (styles, index) = try Self.styles(choosing: style ?? configuration.style.name)
        let daemon = try Daemon(config: configuration, styles: styles, styleIndex: index)
        try daemon.run()
    }

    /// The style library (for style selection by number), with the chosen style's index; a
    /// style file is put first.
    static func styles(choosing choice: String) throws -> ([Style], Int) {
        let access = StyleLibrary.FileAccess.local
        let directories = StyleLibrary.searchDirectories(
            userDirectory: nil, executablePath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")),
            currentDirectory: FileManager.default.currentDirectoryPath, access: access)
        let library = StyleLibrary.load(from: directories, access: access)
        if choice == "auto" {
            guard !library.styles.isEmpty else { throw RenderError.noStyle("auto", searched: directories) }
            return (library.styles, 0)
        }
        if let i = library.styles.firstIndex(where: { $0.name == choice }) ?? library.style(named: choice).flatMap({ s in
            library.styles.firstIndex { $0.name == s.name }
        }) {
            return (library.styles, i)
        }
        let style = try RenderStyleLoader.load(choice)
        return ([style] + library.styles.filter { $0.name != style.name }, 0)
    }
}
