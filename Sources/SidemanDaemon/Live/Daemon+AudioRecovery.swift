import FluidSynthOutput
import Foundation

extension Daemon {
    /// The detector for the configured card: max(250 ms, 20 periods) without a callback.
    func audioStallDetector() -> AudioStallDetector {
        let audio = snapshot.withLock { $0.config.audio }
        return AudioStallDetector(sampleRate: audio.sampleRate, periodSize: audio.periodSize)
    }

    /// One look at the sound card's driver (every 10 ms from the band loop). FluidSynth's ALSA
    /// driver ends its thread on an I/O error it cannot recover from (a starved or unplugged
    /// card); then nothing calls back and the band is silent. The driver's frame counter tells
    /// that apart from a stalled engine (whose callbacks still come, and which the watchdog
    /// must still catch): a stopped driver is replaced; the engine resumes from where its
    /// sample clock stopped, so every note scheduled still gets its note-off. A still counter
    /// whose thread lives is a starved driver (a flood on a slow machine): it holds the card, so
    /// it is waited for, with the band on `out` silenced, rather than reopened; should it never
    /// resume, the watchdog (which follows the engine's blocks) ends the process.
    /// Returns false when the card cannot be had back (see `reopenAudio`): the daemon then ends
    /// with that failure, for systemd to start it afresh.
    func recoverAudioIfStopped(_ rig: LiveRig, _ watch: inout AudioWatch) async -> Bool {
        #if SIDEMAN_FAULT_INJECTION
            if pulse.audioStopRequested.exchange(false, ordering: .relaxed) { rig.audio.stopCallingBack() }
            switch pulse.audioHoldRequested.exchange(0, ordering: .relaxed) {
            case 1: rig.audio.holdCallbacks(true)
            case 2: rig.audio.holdCallbacks(false)
            default: break
            }
        #endif
        let running = snapshot.withLock { $0.state == "running" }
        let now = CallbackTimer.now()
        let episodes = watch.detector.starvedEpisodes
        let decision = watch.detector.observe(running: running, frames: rig.audio.framesRendered, atNanoseconds: now) {
            driverThread(rig)
        }
        switch decision {
        case .keep, .wait:
            if let n = watch.starvedWarnings.due(atNanoseconds: UInt64(now)) { logStarved(n, watch) }
            if watch.lacksRealTimePriority(rig.audio.driverThreadIsRealTime) { logNoRealTimePriority() }
            return true
        case .starved:
            if watch.detector.starvedEpisodes != episodes {
                rig.sender?.requestSilence()
                if let n = watch.starvedWarnings.record(atNanoseconds: UInt64(now)) { logStarved(n, watch) }
            }
            return true
        case .reopen:
            guard await reopenAudio(rig) else { return false }
            watch.driverReplaced(atNanoseconds: CallbackTimer.now())
            return true
        }
    }

    /// The driver's thread runs SCHED_OTHER: FluidSynth asked for real-time priority and was
    /// refused (no LimitRTPRIO in the unit, no rtprio limit for a user's `sideman serve`).
    func logNoRealTimePriority() {
        let device = snapshot.withLock { $0.config.audio.device }
        logger.warning("sound card \(device): the audio thread runs without real-time priority (SCHED_FIFO refused), so other programs can make its callbacks late; the unit allows it with LimitRTPRIO=95, a user's sideman serve with an rtprio limit (/etc/security/limits.d)")
    }

    /// `n` starved episodes since the last such line (one per five seconds at most).
    func logStarved(_ n: Int, _ watch: AudioWatch) {
        let device = snapshot.withLock { $0.config.audio.device }
        logger.warning("sound card \(device): the driver has not called back for \(watch.detector.thresholdNanoseconds / 1_000_000) ms but its thread runs (starved, \(n) time\(n == 1 ? "" : "s") since the last such line); waited for it, the band silenced meanwhile")
    }

    /// The driver's thread, for a counter that stands still: alive, unless its card is gone
    /// (then it is waiting on a card that will not come back as it was: reopen).
    func driverThread(_ rig: LiveRig) -> AudioStallDetector.DriverThread {
        switch rig.audio.driverThreadEnded {
        case nil: return .unknown
        case true?: return .ended
        case false?:
            let device = snapshot.withLock { $0.config.audio.device }
            return SoundCardProbe.isPresent(device) == false ? .ended : .alive
        }
    }

    /// Replaces the stopped driver; while the card cannot be opened, retries every second
    /// (STATUS "waiting for sound card …", the watchdog fed as while booting) until it is back
    /// or the daemon shuts down. A card that is there but still cannot be opened after
    /// `heldCardLimit` is held — by the stopped driver's thread, if it never ended, or by
    /// another program: only a fresh process gets it back, so this gives up (returns false)
    /// rather than wait silently forever with the watchdog fed.
    func reopenAudio(_ rig: LiveRig, heldCardLimit: Duration = .seconds(10)) async -> Bool {
        let device = snapshot.withLock { $0.config.audio.device }
        let reason = Synthesizer.takeLastLogMessage() ?? "no error reported"
        logger.error("sound card \(device) stopped (FluidSynth: \(reason)); reopening")
        notifier.status("sound card \(device) stopped; reopening")
        var waiting = false
        var heldSince: ContinuousClock.Instant?
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                // The first attempt always releases the stopped driver (and the card with it,
                // so that an unplugged card can go); later ones wait until the card is back.
                if waiting && SoundCardProbe.isPresent(device) == false {
                    heldSince = nil
                    throw DaemonError("no such card")
                }
                if try !rig.audio.restart() { logger.warning("the stopped driver's thread did not end; left behind") }
                let restarts = snapshot.withLock {
                    $0.audioRestarts += 1
                    if waiting { $0.waitingForDevice = nil; $0.state = "running" }
                    return $0.audioRestarts
                }
                logger.info("sound card \(device) reopened", metadata: ["audio_restarts": "\(restarts)"])
                notifier.status(report.summary)
                return true
            } catch {
                if SoundCardProbe.isPresent(device) != false {
                    let since = heldSince ?? .now
                    heldSince = since
                    if ContinuousClock.now - since > heldCardLimit {
                        let message = "sound card \(device) is there but cannot be opened again: \(error)"
                        logger.error("\(message); ending, to be started afresh")
                        failure.withLock { $0 = DaemonError(message) }
                        return false
                    }
                }
                if !waiting {
                    logger.warning("waiting for sound card \(device): \(error)")
                    snapshot.withLock { $0.waitingForDevice = "sound card \(device)"; $0.state = "waiting" }
                    notifier.status("waiting for sound card \(device)")
                    waiting = true
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
        return true
    }

    /// `fault audio-stop` (test builds only): the driver's thread ends, as after a sound card
    /// I/O error; the band loop then finds it stopped and reopens it.
    func injectAudioStop() -> String {
        #if SIDEMAN_FAULT_INJECTION
            pulse.audioStopRequested.store(true, ordering: .relaxed)
            logger.warning("fault injected: the sound card's driver stops")
            return "ok: audio driver stopped\n"
        #else
            return "error: fault injection is not in this build\n"
        #endif
    }

    /// `fault audio-hold` / `fault audio-release` (test builds only): the driver's thread waits
    /// inside its callback, alive (a starved driver), until released; the band loop waits too.
    func injectAudioHold(_ held: Bool) -> String {
        #if SIDEMAN_FAULT_INJECTION
            pulse.audioHoldRequested.store(held ? 1 : 2, ordering: .relaxed)
            logger.warning("fault injected: the sound card's driver \(held ? "is held" : "is released")")
            return "ok: audio driver \(held ? "held" : "released")\n"
        #else
            return "error: fault injection is not in this build\n"
        #endif
    }
}
