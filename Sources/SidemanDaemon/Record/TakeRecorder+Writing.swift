import Arranger
import Foundation
import MusicCore
import Recorder

extension TakeRecorder {
    /// The writer thread's work, every 10 ms: footswitch presses, a take that began (its files
    /// are opened), the audio and MIDI that arrived, the take's end (silence, the band's stop, a
    /// full disk, a full ring) and its files closed.
    func poll() {
        let toggled = toggles.load(ordering: .relaxed)
        let seen = state.withLock { s in
            defer { s.togglesSeen = toggled }
            return s.togglesSeen
        }
        for _ in 0..<max(0, min(4, toggled &- seen)) { toggle() }

        let tapState = tap.currentState
        state.withLock { s in
            if s.running == nil {
                let begun = tapState == .capturing || tapState == .stopping
                    || ((tapState == .stopped || tapState == .overflowed) && tap.pending > 0)
                if begun { s.running = open(&s) }
            }
            guard var running = s.running else {
                // A starting take's first cues wait for its files; any others belong to no take.
                if tapState != .starting { while cues.pop() != nil {} }
                // A take stopped before it had a block: nothing to write.
                if (tapState == .stopped || tapState == .overflowed) && tap.pending == 0 { tap.reset() }
                return
            }
            take(cues: &running)
            running.writer.drain(tap)
            if running.writer.failed, running.problem == nil {
                running.problem = "disk full (or failing) writing \(running.audioPath)"
                _ = tap.requestStop()
            }
            if tapState == .capturing {
                let quiet = running.writer.quietFrames
                if running.bandStopped, quiet >= sampleRate * 3 / 10 {
                    _ = tap.requestStop()  // the band's ending and its release tail are in
                } else if Double(quiet) >= settings.stopAfterSilence * Double(sampleRate) {
                    _ = tap.requestStop()
                }
            }
            if tapState == .stopped || tapState == .overflowed {
                running.writer.drain(tap)
                take(cues: &running)
                if tapState == .overflowed, running.problem == nil {
                    running.problem = "the writer fell behind the audio (ring overflow)"
                }
                finish(running, &s)
                s.running = nil
                tap.reset()
            } else {
                s.running = running
            }
        }
        rearmIfDue()
    }

    /// Opens the files of a take that has begun; nil (the take dropped) if they cannot be made.
    private func open(_ s: inout State) -> Running? {
        let context = self.context()
        prune()
        let folder = settings.folder
        TakeRecorder.makeFolder(folder)
        let name = TakeName.unused(
            TakeName.make(date: Date(), label: context.label), in: folder, extensions: TakeLibrary.extensions)
        let path = "\(folder)/\(name).\(format.fileExtension)"
        do {
            let file = try SoundFile(creating: path, format: format, sampleRate: sampleRate)
            logger.info("take started", metadata: ["take": "\(name)"])
            s.problem = nil
            return Running(
                name: name, audioPath: path, writer: TakeAudioWriter(file: file),
                time: FrameTime(tempo: context.tempo, sampleRate: sampleRate), meter: context.meter)
        } catch {
            s.problem = "\(error)"
            logger.error("take not recorded: \(error)")
            tap.stopWithoutProducer()
            var drop = [Int16](repeating: 0, count: 4096)
            while drop.withUnsafeMutableBufferPointer({ tap.drain(into: $0) }) > 0 {}
            tap.reset()
            return nil
        }
    }

    /// The MIDI that arrived, placed on the take's own clock (frame 0 = its first sample).
    private func take(cues running: inout Running) {
        let start = tap.startFrame
        while let cue = cues.pop() {
            switch cue {
            case .event(let event, let frame):
                running.midi.record(event, atFrame: Int(max(0, frame - start)))
            case .notice(let notice, let blockFrame):
                let frame = Int(max(0, blockFrame + Int64(notice.frame) - start))
                switch notice {
                case .stopped: running.bandStopped = true
                case .started: running.bandStopped = false
                case .sectionStarted(let section, _): running.midi.sectionStarted(section.name, atFrame: frame)
                case .chordChanged(let chord, _): running.midi.chordChanged(to: chord, atFrame: frame)
                case .tempoChanged(let tempo, _): running.time.changeTempo(to: tempo, atFrame: frame)
                case .bar: break
                }
            }
        }
    }

    /// Closes the audio, writes the MIDI, and marks a take cut short in its file names.
    private func finish(_ running: Running, _ s: inout State) {
        var problem = running.problem
        do { try running.writer.file.close() } catch { problem = problem ?? "\(error)" }
        var midi = running.midi
        var time = running.time
        if let offline = s.offlineMIDI {
            (midi, time) = offline
            s.offlineMIDI = nil
        }
        let midiPath = "\(settings.folder)/\(running.name).mid"
        let bytes = midi.midiFile(title: running.name, meter: running.meter, time: time).write()
        if FileManager.default.createFile(atPath: midiPath, contents: Data(bytes)) == false {
            try? FileManager.default.removeItem(atPath: midiPath)
            problem = problem ?? "disk full (or failing) writing \(midiPath)"
        }
        var name = running.name
        let seconds = Double(running.writer.framesWritten) / Double(sampleRate)
        if let problem {
            let marked = name + TakeName.incompleteMark
            for ext in ["mid", format.fileExtension] {
                let from = "\(settings.folder)/\(name).\(ext)"
                if FileManager.default.fileExists(atPath: from) {
                    try? FileManager.default.moveItem(atPath: from, toPath: "\(settings.folder)/\(marked).\(ext)")
                }
            }
            name = marked
            logger.warning("take cut short: \(problem); the band plays on", metadata: [
                "take": "\(name)", "seconds": "\(String(format: "%.1f", seconds))",
            ])
        } else {
            logger.info("take saved", metadata: ["take": "\(name)", "seconds": "\(String(format: "%.1f", seconds))"])
        }
        s.lastTake = name
        s.problem = problem
    }

    /// Mode armed or always: armed again once a take is written; a refused arming (low free
    /// space) is retried every 5 s.
    private func rearmIfDue() {
        guard settings.mode != .off else { return }
        let due = state.withLock { s -> Bool in
            guard s.running == nil, s.rearm else { return false }
            return !s.refused || s.lastSpaceCheck.duration(to: .now) > .seconds(5)
        }
        guard due else { return }
        if tap.currentState == .idle { _ = arm() }
    }

    /// An offline render: the take's MIDI is the render's own recording (same frames).
    public func useMIDI(_ recorder: BandRecorder, time: FrameTime) {
        state.withLock { $0.offlineMIDI = (recorder, time) }
    }
}
