import Foundation
import Logging
import StyleEngine
import Synchronization
import SystemdNotify

/// `sideman serve`: the configuration, the SoundFont, the sequencer client (connecting the
/// keyboards, now and when plugged in), the synthesizer and the sound card, wired so that
/// the sound card's callback drives the band; run as services of one ServiceGroup (the band,
/// the control socket, systemd's watchdog, reload on SIGHUP) until SIGTERM or SIGINT, then
/// every note ends, the ports close and `run` returns.
///
/// Files by concern: +Boot opens the devices (waiting for them with --wait), +Loop plays
/// until shutdown, +Services assembles the group, +Reload applies a new configuration,
/// +Watchdog keeps systemd's watchdog fed, +Control answers the control socket.
public final class Daemon: Sendable {
    public let options: ServeOptions
    /// The configuration the daemon started with (a reload replaces the snapshot's).
    let initialConfig: SidemanConfig
    let initialStyles: StyleSelection
    /// Finds the styles a configuration selects; called again on every reload.
    let loadStyles: @Sendable (SidemanConfig) throws -> StyleSelection
    public let logger: Logger
    let notifier: ServiceNotifier
    /// Written by the audio thread only (atomics).
    let pulse = AudioPulse()
    let snapshot: Mutex<DaemonSnapshot>
    let startedAt = ContinuousClock.now
    /// Why the band could not start, for `run` to throw once the group has stopped.
    let failure = Mutex<DaemonError?>(nil)
    /// The audio state once booted: where reloads go.
    let live = Mutex<LiveAudioState?>(nil)
    /// Songs, setlists, loop memories and the practice status (Daemon+Practice).
    let practice = PracticePlayer()
    /// Chord, section and tempo lines, held back in a burst (Daemon+Loop).
    let noticeLog = Mutex(NoticeLog())
    /// The compiled styles the band has: a reload compiles only what changed.
    let preparedStyles = PreparedStyles()

    /// `styles` is the selection for `config`; `loadStyles` makes a new one on reload.
    public init(
        options: ServeOptions, config: SidemanConfig, styles: StyleSelection, logger: Logger? = nil,
        notifier: ServiceNotifier = ServiceNotifier(),
        loadStyles: @escaping @Sendable (SidemanConfig) throws -> StyleSelection
    ) throws {
        guard !styles.styles.isEmpty else { throw DaemonError("no style to play (`sideman styles` lists them)") }
        self.options = options
        self.logger = logger ?? Daemon.standardErrorLogger()
        initialConfig = config
        initialStyles = styles
        self.loadStyles = loadStyles
        self.notifier = notifier
        configFile = options.configPath
            ?? (FileManager.default.fileExists(atPath: SidemanConfig.defaultPath) ? SidemanConfig.defaultPath : nil)
        let index = min(max(0, styles.index), styles.styles.count - 1)
        let tempo = config.style.tempo ?? styles.styles[index].tempo.bpm
        snapshot = Mutex(DaemonSnapshot(config: config, styleNames: styles.styles.map(\.name), tempo: tempo))
        pulse.styleIndex.store(index, ordering: .relaxed)
    }

    /// The configuration file in use: the named one, else the default one if it existed at start.
    public let configFile: String?

    /// The configuration for a run: the named file (which must exist), else the default
    /// file if it exists, else the defaults; then the command line's overrides.
    public static func configuration(for options: ServeOptions) throws -> SidemanConfig {
        var config: SidemanConfig
        if let path = options.configPath {
            guard FileManager.default.fileExists(atPath: path) else { throw DaemonError("\(path): no such configuration file") }
            config = try SidemanConfig.load(path: path)
        } else if FileManager.default.fileExists(atPath: SidemanConfig.defaultPath) {
            config = try SidemanConfig.load(path: SidemanConfig.defaultPath)
        } else {
            config = SidemanConfig()
        }
        if let device = options.audioDevice { config.audio.device = device }
        if let soundFont = options.soundFont { config.synth.soundFont = soundFont }
        if let split = options.splitPoint { config.keyboard.splitPoint = split }
        if let mode = options.fingering {
            guard SidemanConfig.fingeringModes.contains(mode) else {
                throw DaemonError("--mode '\(mode)': one of \(SidemanConfig.fingeringModes.joined(separator: ", "))")
            }
            config.keyboard.fingering = mode
        }
        return config
    }

    /// What the daemon is doing now, for `sideman status` and systemd's STATUS line.
    public var report: DaemonStatusReport {
        let uptime = startedAt.duration(to: .now)
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        var report = snapshot.withLock { $0.report(pulse: pulse, uptime: seconds, configFile: configFile, pid: getpid()) }
        report.practice = practiceStatus
        report.record = takeRecorder?.status
        report.beatsPerBar = initialStyles.styles.first { $0.name == report.style }?.meter.beatsPerBar
        return report
    }

    /// Log lines on standard error (systemd's journal takes them from there): a timestamp, the
    /// level, the message and its key=value metadata.
    public static func standardErrorLogger() -> Logger {
        var logger = Logger(label: "sideman") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        return logger
    }
}
