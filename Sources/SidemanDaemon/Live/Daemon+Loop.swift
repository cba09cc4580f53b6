import ALSASequencer
import Arranger
import FluidSynthOutput
import Foundation
import Logging
import ServiceLifecycle

extension Daemon {
    /// The band service: boot, tell systemd it is ready, then (every 10 ms) log the audio
    /// thread's notices, keep STATUS current and free what reloads replaced, until shutdown;
    /// then end every note and close the devices.
    func bandService() async {
        let rig: LiveRig
        do {
            guard let booted = try await boot() else { return }
            rig = booted
        } catch {
            failure.withLock { $0 = error as? DaemonError ?? DaemonError("\(error)") }
            return
        }
        snapshot.withLock { $0.state = "running" }
        loadStartSetlist()
        var status = report.summary
        notifier.ready(status: status)
        var tick = 0
        var audioWatch = AudioWatch(detector: audioStallDetector())
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            drain(rig.state)
            practiceTick(rig.state)
            guard await recoverAudioIfStopped(rig, &audioWatch) else { break }
            if tick % 100 == 0 { lookAtSubscribers(rig.client) }  // once a second
            tick += 1
            if tick % 10 == 0 {  // STATUS at most every 100 ms
                let now = report.summary
                if now != status {
                    notifier.status(now)
                    status = now
                }
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        stop(rig)
    }

    /// Every port `out` sends to, as the sequencer lists it (a few ioctls, off the audio
    /// thread): `sideman status` shows the connections made by hand beside `[out] connect`'s.
    /// A port's name is looked up once, outside the snapshot's lock.
    func lookAtSubscribers(_ client: SequencerClient) {
        guard let addresses = try? client.outputSubscribers() else { return }
        let known = snapshot.withLock { Set(($0.subscribers ?? [:]).keys).union($0.outputs.keys) }
        var names: [SequencerAddress: String] = [:]
        for address in addresses where !known.contains(address) {
            if let port = try? client.port(at: address) { names[address] = "\(port.address) \(port.clientName):\(port.portName)" }
        }
        snapshot.withLock { $0.note(subscribers: addresses) { names[$0] } }
    }

    /// What the audio thread left for this side: notices to log and note, replaced styles
    /// and configurations (freed here).
    func drain(_ state: LiveAudioState) {
        let now = CallbackTimer.now()
        while let notice = state.notices.pop() {
            if let line = noticeLog.withLock({ $0.offer(notice, atNanoseconds: now) }) { log(line) }
            snapshot.withLock { $0.note(notice) }
            practiceNotice(notice)
        }
        if let line = noticeLog.withLock({ $0.due(atNanoseconds: now) }) { log(line) }
        while state.retired.pop() != nil {}
        while state.retiredCharts.pop() != nil {}
    }

    /// Ends every note, then closes the sound card, then the ports.
    func stop(_ rig: LiveRig) {
        logger.info("stopping")
        snapshot.withLock { $0.state = "stopping" }
        notifier.stopping(status: "stopping")
        // The audio thread ends every note at its next block; wait for it (a few periods at
        // most), then close the sound card, then the ports.
        let state = rig.state
        state.stopRequested.store(true, ordering: .releasing)
        let deadline = Date().addingTimeInterval(1)
        while !state.silenced.load(ordering: .acquiring) && Date() < deadline { usleep(2_000) }
        usleep(30_000)  // let the silent blocks reach the card
        rig.audio.stop()
        state.recorder?.shutdown()
        rig.sender?.stop()
        rig.sender?.silenceBand()
        rig.reader.stop()
        live.withLock { $0 = nil }
        drain(state)
        logger.info("stopped", metadata: [
            "frames": "\(rig.audio.framesRendered)", "silenced": "\(state.silenced.load(ordering: .relaxed))",
            "input_dropped": "\(rig.reader.ring.refusedCount)", "notices_dropped": "\(state.notices.refusedCount)",
            "late_callbacks": "\(pulse.lateCallbacks.load(ordering: .relaxed))",
            "out_sent": "\(rig.sender?.sentCount ?? 0)", "out_dropped": "\(state.output?.ring.refusedCount ?? 0)",
            "fluidsynth_last_message": "\(Synthesizer.takeLastLogMessage() ?? "none")",
        ])
    }

    func log(_ line: NoticeLog.Line) {
        switch line {
        case .notice(let notice): logNotice(notice)
        case .burst(let latest, let changes):
            var metadata: Logger.Metadata = ["changes": "\(changes)"]
            for notice in latest {
                switch notice {
                case .chordChanged(let c, _): metadata["chord"] = "\(c.map { "\($0)" } ?? "none")"
                case .sectionStarted(let s, _): metadata["section"] = "\(s)"
                case .tempoChanged(let t, _): metadata["tempo"] = "\(t)"
                default: break
                }
            }
            logger.info("band changes (the latest of each)", metadata: metadata)
        }
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
