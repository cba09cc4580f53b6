import ArgumentParser
import Foundation
import MusicCore
import ServiceLifecycle
import SidemanDaemon
import StyleEngine
import WebRemote

/// `sideman serve`: the arranger as a daemon — reads the configuration, connects the MIDI
/// keyboards and plays the band on the sound card until SIGTERM or SIGINT.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the arranger: follow the keyboard's chords and play the band (foreground).",
        discussion: """
            Reads \(SidemanConfig.defaultPath) (the defaults if it does not exist), connects every \
            MIDI keyboard the [inputs] section selects, also those plugged in later, and plays \
            through the [audio] device. Logs to standard error. Under systemd (Type=notify) it \
            reports READY once the band sounds, a STATUS line, and feeds the watchdog while the \
            engine advances. SIGHUP reloads the configuration file and rescans the styles (a bad \
            file is refused, the running configuration stays). SIGTERM or SIGINT ends every note \
            and exits. `sideman status` asks it what it is doing ([daemon] socket).
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

    @Flag(help: "Wait for a missing sound card, SoundFont or sequencer (at boot) instead of exiting with an error.")
    var wait = false

    public init() {}

    public func run() async throws {
        do {
            try await serve()
        } catch {
            let line = "sideman serve: \(error)\n"
            try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
            throw ExitCode.failure
        }
    }

    func serve() async throws {
        var options = ServeOptions(
            configPath: config, audioDevice: audioDevice, soundFont: soundfont, fingering: mode, style: style, wait: wait)
        if let split {
            guard let note = NoteName.parse(split) else {
                throw DaemonError("--split: unknown note '\(split)' (a name such as F#3 or a number 0-127)")
            }
            options.splitPoint = note
        }
        // The configuration first (its errors come before any style search), then the styles.
        let configuration = try Daemon.configuration(for: options)
        let choice = style
        let memo = StyleLibraryMemo()
        let selection = try Self.styles(choosing: choice ?? configuration.style.name, folder: configuration.style.folder, memo: memo)
        let daemon = try Daemon(options: options, config: configuration, styles: selection) { config in
            try Self.styles(choosing: choice ?? config.style.name, folder: config.style.folder, memo: memo)
        }
        for problem in selection.problems { daemon.logger.warning("style: \(problem)") }
        var extra: [any Service] = []
        if configuration.web.enabled {
            let server = WebRemoteServer(
                backend: daemon, settings: configuration.web, assets: WebRemoteServer.findAssets(), logger: daemon.logger)
            extra.append(WebRemoteService(server: server))
        }
        try await daemon.run(with: extra)
    }

    /// The style library (for style selection by number), with the chosen style's index; a
    /// style file is put first. `folder` is the configuration's drop-in styles folder.
    /// With a `memo`, the files that did not change since its last load are not parsed again.
    static func styles(choosing choice: String, folder: String?, memo: StyleLibraryMemo? = nil) throws -> StyleSelection {
        let access = StyleLibrary.FileAccess.local
        let directories = StylesCommand.directories(userDirectory: nil, configFolder: folder, access: access)
        let library = memo?.load { StyleLibrary.load(from: directories, access: access, reusing: $0) }
            ?? StyleLibrary.load(from: directories, access: access)
        let problems = library.errors.map(\.description)
        if choice == "auto" {
            guard !library.styles.isEmpty else { throw RenderError.noStylesInstalled(searched: directories) }
            return StyleSelection(styles: library.styles, index: 0, problems: problems)
        }
        if let i = library.styles.firstIndex(where: { $0.name == choice }) ?? library.style(named: choice).flatMap({ s in
            library.styles.firstIndex { $0.name == s.name }
        }) {
            return StyleSelection(styles: library.styles, index: i, problems: problems)
        }
        let style = try RenderStyleLoader.load(choice, directories: directories)
        return StyleSelection(styles: [style] + library.styles.filter { $0.name != style.name }, index: 0, problems: problems)
    }
}
