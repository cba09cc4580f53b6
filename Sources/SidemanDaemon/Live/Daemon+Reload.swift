import Foundation
import ServiceLifecycle
import UnixSignals

extension Daemon {
    /// SIGHUP reloads the configuration file, for the daemon's lifetime.
    func reloadService() async {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            reload()
        }
    }

    /// Reads the configuration file again and rescans the styles. A file that cannot be used
    /// is one error line naming file, line and key, and the running configuration stays; a
    /// good one is handed to the audio thread (the style changes at the next bar line). The
    /// audio device, sample rate, periods, SoundFont, inputs, `[out] connect` and socket take
    /// effect at the next start.
    func reload() {
        notifier.reloading()
        defer { notifier.ready(status: report.summary) }
        let file = configFile ?? "defaults"
        let config: SidemanConfig
        let selection: StyleSelection
        do {
            config = try Self.configuration(for: options)
            selection = try loadStyles(config)
            guard !selection.styles.isEmpty else { throw DaemonError("no style to play (`sideman styles` lists them)") }
        } catch {
            logger.error("reload refused, keeping the running configuration: \(error)")
            snapshot.withLock { $0.lastReloadError = "\(error)" }
            return
        }
        for problem in selection.problems { logger.warning("style: \(problem)") }
        let old = snapshot.withLock { $0.config }
        if config.audio != old.audio || config.synth != old.synth || config.daemon != old.daemon || config.inputs != old.inputs
            || config.out.connect != old.out.connect
        {
            logger.warning("reload: [audio], [synth], [inputs], [out] connect and [daemon] changes take effect at the next start")
        }
        let prepared = preparedStyles.prepare(selection.styles)
        let update = LiveReconfiguration(config: config, styles: prepared.styles, styleIndex: selection.index)
        let handed = live.withLock { state -> Bool in
            guard let state else { return false }
            return state.reconfigurations.push(update)
        }
        guard handed else {
            logger.error("reload refused: the band is not running yet or is busy with the last reload; try again")
            return
        }
        snapshot.withLock {
            var kept = config
            kept.audio = old.audio
            kept.synth = old.synth
            kept.daemon = old.daemon
            kept.inputs = old.inputs
            kept.out.connect = old.out.connect
            $0.config = kept
            $0.styleNames = selection.styles.map(\.name)
            if let bpm = config.style.tempo { $0.tempo = bpm }
            $0.reloads += 1
            $0.lastReloadError = nil
        }
        practice.state.withLock { $0.styles = selection.styles }  // songs pick their style from these
        logger.info("reloaded", metadata: [
            "file": "\(file)", "style": "\(selection.styles[update.styleIndex].name)", "styles": "\(selection.styles.count)",
            "compiled": "\(prepared.compiled)",
            "split": "\(config.keyboard.splitPoint)", "fingering": "\(config.keyboard.fingering)",
        ])
    }
}
