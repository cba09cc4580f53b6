import ALSASequencer
import Arranger
import FluidSynthOutput
import Foundation
import Logging
import MusicCore
import StyleEngine
import Synchronization

/// `sideman serve`: the configuration, the SoundFont, the sequencer client (connecting the
/// keyboards, now and when plugged in), the synthesizer and the sound card, wired so that
/// the sound card's callback drives the band. Runs in the foreground until SIGTERM or
/// SIGINT, then ends every note, closes the ports and returns.
public final class Daemon {
    public let config: SidemanConfig
    public let soundFontPath: String
    let styles: [LiveStyle]
    let styleIndex: Int
    let logger: Logger

    /// Set by SIGTERM/SIGINT.
    static let stopSignal = Atomic<Int32>(0)

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

    /// Finds the SoundFont the configuration names. `styles` is the style library,
    /// `styleIndex` the one to start with.
    public init(config: SidemanConfig, styles: [Style], styleIndex: Int, logger: Logger? = nil) throws {
        self.logger = logger ?? Daemon.standardErrorLogger()
        self.config = config
        if config.synth.soundFont == "auto" {
            soundFontPath = try SoundFontLocator().locate()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: config.synth.soundFont, isDirectory: &isDirectory), !isDirectory.boolValue
            else { throw DaemonError("\(config.synth.soundFont): no such SoundFont") }
            soundFontPath = config.synth.soundFont
        }
        guard !styles.isEmpty else { throw DaemonError("no style to play (`sideman styles` lists them)") }
        self.styles = styles.map(LiveStyle.init)
        self.styleIndex = styleIndex
    }

    /// Runs until SIGTERM or SIGINT. Throws (before making any sound) if the SoundFont, the
    /// sequencer or the sound card cannot be opened.
    public func run() throws {
        signal(SIGTERM) { Daemon.stopSignal.store($0, ordering: .relaxed) }
        signal(SIGINT) { Daemon.stopSignal.store($0, ordering: .relaxed) }
        let rate = config.audio.sampleRate
        let band = LiveBand(styles: styles, styleIndex: styleIndex, config: config, sampleRate: rate)

        let synth = try Synthesizer(settings: SynthesizerSettings(
            sampleRate: rate, gain: config.synth.gain, polyphony: config.synth.polyphony, reverb: config.synth.reverb,
            chorus: config.synth.chorus, dynamicSampleLoading: config.synth.dynamicSampleLoading,
            drumChannels: band.drumChannels))
        do {
            try synth.loadSoundFont(at: soundFontPath)
        } catch {
            throw DaemonError("\(soundFontPath): cannot load the SoundFont (\(error))")
        }
        for event in band.setupEvents() { synth.send(event) }
        logger.info("soundfont loaded", metadata: ["path": "\(soundFontPath)"])

        let client: SequencerClient
        do { client = try SequencerClient(name: "Sideman") } catch {
            throw DaemonError("cannot open the ALSA sequencer (/dev/snd/seq): \(error)")
        }
        let log = logger
        let reader = SequencerReader(client: client, policy: config.inputs.policy) { notice in
            switch notice {
            case .connected, .portGone, .subscribed: log.info("midi", metadata: ["event": "\(notice)"])
            default: log.warning("midi", metadata: ["event": "\(notice)"])
            }
        }
        let state = LiveAudioState(band: band, synth: synth, input: reader.ring)
        let audio: AudioOutput
        do {
            audio = try AudioOutput(
                synthesizer: synth,
                settings: .init(driver: "alsa", device: config.audio.device, periodSize: config.audio.periodSize, periods: config.audio.periods),
                block: { state.block($0) })
        } catch {
            throw DaemonError("cannot open the sound card '\(config.audio.device)': \(error)")
        }
        try reader.start()
        logger.info("serving", metadata: [
            "client": "\(client.clientID)", "style": "\(band.style.name)", "device": "\(config.audio.device)",
            "split": "\(config.keyboard.splitPoint)", "fingering": "\(config.keyboard.fingering)",
            "period": "\(config.audio.periodSize)x\(config.audio.periods)",
        ])

        while Self.stopSignal.load(ordering: .relaxed) == 0 {
            while let notice = state.notices.pop() { logNotice(notice) }
            usleep(10_000)
        }
        logger.info("stopping", metadata: ["signal": "\(Self.stopSignal.load(ordering: .relaxed))"])
        // The audio thread ends every note at its next block; wait for it (a few periods at
        // most), then close the sound card, then the ports.
        state.stopRequested.store(true, ordering: .releasing)
        let deadline = Date().addingTimeInterval(1)
        while !state.silenced.load(ordering: .acquiring) && Date() < deadline { usleep(2_000) }
        usleep(30_000)  // let the silent blocks reach the card
        audio.stop()
        reader.stop()
        while let notice = state.notices.pop() { logNotice(notice) }
        logger.info("stopped", metadata: [
            "frames": "\(audio.framesRendered)", "silenced": "\(state.silenced.load(ordering: .relaxed))",
            "input_dropped": "\(reader.ring.refusedCount)", "notices_dropped": "\(state.notices.refusedCount)",
        ])
    }

    /// Log lines on standard error (systemd's journal takes them from there): a timestamp, the
    /// level, the message and its key=value metadata.
    public static func standardErrorLogger() -> Logger {
        var logger = Logger(label: "sideman") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        return logger
    }

    func logNotice(_ notice: ArrangerNotice) {
        switch notice {
        case .started: logger.info("band started")
        case .stopped: logger.info("band stopped")
        case .sectionStarted(let s, _): logger.info("section", metadata: ["section": "\(s)"])
        case .chordChanged(let c, _): logger.info("chord", metadata: ["chord": "\(c.map { "\($0)" } ?? "none")"])
        case .bar(let n, _): logger.debug("bar", metadata: ["bar": "\(n)"])
        case .tempoChanged(let t, _): logger.info("tempo", metadata: ["tempo": "\(t)"])
        }
    }
}
