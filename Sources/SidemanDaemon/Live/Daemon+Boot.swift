import ALSASequencer
import FluidSynthOutput
import Foundation
import Practice
import ServiceLifecycle

extension Daemon {
    /// Opens the SoundFont, the synthesizer, the sequencer and the sound card, in that order,
    /// and returns once the sound card has asked for a first block. With --wait a missing
    /// SoundFont, sequencer or sound card is waited for (one log line, systemd told why and
    /// given more time); without it, it is one clear error. nil: shut down while waiting.
    func boot() async throws -> LiveRig? {
        let config = initialConfig
        guard let soundFontPath = try await waitFor("SoundFont \(config.synth.soundFont)", { try Self.locateSoundFont(config.synth) })
        else { return nil }
        let selection = initialStyles
        let styles = preparedStyles.prepare(selection.styles).styles
        let rate = config.audio.sampleRate
        let band = LiveBand(styles: styles, styleIndex: selection.index, config: config, sampleRate: rate)
        let synth = try Synthesizer(settings: SynthesizerSettings(
            sampleRate: rate, gain: config.synth.gain, polyphony: config.synth.polyphony, reverb: config.synth.reverb,
            chorus: config.synth.chorus, dynamicSampleLoading: config.synth.dynamicSampleLoading,
            // Band kits come with the style's banks (CompiledStyle.setupEvents); the practice
            // click is a kit of its own, apart from the band's channels.
            drumChannels: [PracticeConductor.clickChannel]))
        do {
            try synth.loadSoundFont(at: soundFontPath)
        } catch {
            throw DaemonError("\(soundFontPath): cannot load the SoundFont (\(error))")
        }
        for event in band.setupEvents() {
            synth.send(event)
            pulse.note(event)
        }
        logger.info("soundfont loaded", metadata: ["path": "\(soundFontPath)"])

        guard let client = try await waitFor("the ALSA sequencer /dev/snd/seq", {
            // Checked first so that waiting does not make libasound print a line every second.
            if options.wait && !FileManager.default.fileExists(atPath: "/dev/snd/seq") {
                throw DaemonError("cannot open the ALSA sequencer (/dev/snd/seq): no such device (is snd-seq loaded?)")
            }
            do { return try SequencerClient(name: "Sideman") } catch {
                throw DaemonError("cannot open the ALSA sequencer (/dev/snd/seq): \(error)")
            }
        }) else { return nil }
        let log = logger
        let reader = SequencerReader(
            client: client, policy: config.inputs.policy, outputPolicy: config.out.connect, forwardsSysEx: false
        ) { [self] notice in
            self.snapshot.withLock { $0.note(notice) }
            switch notice {
            case .connected, .connectedOutput, .portGone, .subscribed: log.info("midi", metadata: ["event": "\(notice)"])
            default: log.warning("midi", metadata: ["event": "\(notice)"])
            }
        }
        let timer = CallbackTimer(sampleRate: rate, bufferFrames: config.audio.periodSize * config.audio.periods)
        let state = LiveAudioState(
            band: band, synth: synth, input: reader.ring, pulse: pulse, timer: timer, output: config.liveOutput,
            follower: config.clockFollower)
        state.record(with: makeRecorder(config))
        let sender = state.output.map { OutputSender(client: client, output: $0) }
        state.sendSetup(band.setupEvents())
        sender?.start()
        let device = config.audio.device
        guard let audio = try await waitFor("sound card \(device)", {
            guard SoundCardProbe.isPresent(device) != false else { throw DaemonError("cannot open the sound card '\(device)': no such card") }
            do {
                return try AudioOutput(
                    synthesizer: synth,
                    settings: .init(driver: "alsa", device: device, periodSize: config.audio.periodSize, periods: config.audio.periods),
                    block: { state.block($0) }, rendered: { state.rendered(left: $0, right: $1, frames: $2) },
                    handedOver: { state.handedOver() })
            } catch {
                throw DaemonError("cannot open the sound card '\(device)': \(error)")
            }
        }) else { return nil }
        try reader.start()
        // Ready means sound: wait for the card's first request (a few periods at most).
        let deadline = ContinuousClock.now + .seconds(10)
        while pulse.blocks.load(ordering: .acquiring) == 0 {
            guard ContinuousClock.now < deadline else {
                audio.stop()
                sender?.stop()
                reader.stop()
                throw DaemonError("the sound card '\(device)' opened but never asked for audio")
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        live.withLock { $0 = state }
        state.recorder?.run()
        logger.info("serving", metadata: [
            "client": "\(client.clientID)", "style": "\(band.style.name)", "device": "\(device)",
            "split": "\(config.keyboard.splitPoint)", "fingering": "\(config.keyboard.fingering)",
            "period": "\(config.audio.periodSize)x\(config.audio.periods)",
        ])
        return LiveRig(synth: synth, client: client, reader: reader, state: state, audio: audio, sender: sender)
    }

    /// Runs `attempt` until it succeeds. Without --wait its first error is thrown; with it, the
    /// error is logged once, systemd's STATUS says what is awaited and its start timeout is
    /// extended every second while waiting. nil: shutdown began while waiting.
    func waitFor<T>(_ what: String, _ attempt: () throws -> T) async throws -> T? {
        var waiting = false
        while true {
            do {
                let result = try attempt()
                if waiting {
                    logger.info("found \(what)")
                    snapshot.withLock { $0.waitingForDevice = nil; $0.state = "starting" }
                }
                return result
            } catch {
                guard options.wait else { throw error }
                if !waiting {
                    logger.warning("waiting for \(what): \(error)")
                    snapshot.withLock { $0.waitingForDevice = what; $0.state = "waiting" }
                    notifier.status("waiting for \(what)")
                    waiting = true
                }
                notifier.extendTimeout(microseconds: 5_000_000)
                try? await Task.sleep(for: .seconds(1))
                if Task.isShuttingDownGracefully || Task.isCancelled { return nil }
            }
        }
    }

    /// The SoundFont the configuration names ("auto": the first known one found).
    static func locateSoundFont(_ synth: SidemanConfig.Synth) throws -> String {
        if synth.soundFont == "auto" { return try SoundFontLocator().locate() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: synth.soundFont, isDirectory: &isDirectory), !isDirectory.boolValue
        else { throw DaemonError("\(synth.soundFont): no such SoundFont") }
        return synth.soundFont
    }
}
