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
                // A starting take's first cues wait for its files; any others belong to no take
                // but may set a channel's sound, which the next take starts with.
                if tapState != .starting {
                    while let cue = cues.pop() {
                        if case .event(let event, _) = cue { s.sounds.apply(event) }
                    }
                }
                // The input keeps its last second, for a take whose input starts before now.
                if let ring = input?.ring { ring.release(before: ring.newest - Int64(sampleRate)) }
                // A take stopped before it had a block: nothing to write.
                if (tapState == .stopped || tapState == .overflowed) && tap.pending == 0 { tap.reset() }
                return
            }
            take(cues: &running, sounds: &s.sounds)
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
                // The input of the band's last moments arrives a little later: wait for it (a
                // quarter of a second at most).
                if let input = running.writer.input, input.readyFrames < tap.pending / 2 {
                    let since = running.endWait ?? .now
                    if since.duration(to: .now) < .milliseconds(250) {
                        running.endWait = since
                        s.running = running
                        return
                    }
                }
                running.writer.drain(tap, all: true)
                take(cues: &running, sounds: &s.sounds)
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
            let alignment = align(&s)
            let writer: TakeAudioWriter
            var paths = [path]
            if let input, let alignment {
                let bandPath = "\(folder)/\(name).band.\(format.fileExtension)"
                let inputPath = "\(folder)/\(name).input.\(format.fileExtension)"
                paths = [path, bandPath, inputPath]
                let mix = try SoundFile(creating: path, format: format, sampleRate: sampleRate)
                let band = try SoundFile(creating: bandPath, format: format, sampleRate: sampleRate)
                let own = try SoundFile(creating: inputPath, format: format, sampleRate: sampleRate, channels: input.ring.channels)
                let note = Self.alignmentComment(alignment, device: input.device)
                for file in [mix, band, own] { try file.setComment(note) }
                writer = TakeAudioWriter(
                    file: band, input: TakeInputWriter(input: input, alignment: alignment, inputFile: own, mixFile: mix))
            } else {
                writer = TakeAudioWriter(file: try SoundFile(creating: path, format: format, sampleRate: sampleRate))
            }
            logger.info("take started", metadata: ["take": "\(name)"])
            s.problem = nil
            var running = Running(
                name: name, audioPath: path, audioPaths: paths, writer: writer,
                time: FrameTime(tempo: context.tempo, sampleRate: sampleRate), meter: context.meter)
            // The sounds chosen before the take: its MIDI re-plays with them.
            for event in s.sounds.events { running.midi.record(event, atFrame: 0) }
            return running
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
    private func take(cues running: inout Running, sounds: inout ChannelSounds) {
        let start = tap.startFrame
        while let cue = cues.pop() {
            switch cue {
            case .event(let event, let frame):
                sounds.apply(event)
                // A sound set before the take (only sounds arrive from before it) joins those
                // the take starts with.
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
        if let input = running.writer.input {
            do { try input.close() } catch { problem = problem ?? "\(error)" }
            if input.inputLost { logger.warning("take \"\(running.name)\": the input fell behind and was dropped from there on") }
        }
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
            for ext in ["mid", format.fileExtension] + Take.stems.map({ "\($0).\(format.fileExtension)" }) {
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

extension TakeRecorder {
    /// Where the input goes in a take beginning now, or nil (no input, or its clocks not known
    /// yet: the take then holds the band alone, and the log says why once).
    func align(_ s: inout State) -> InputAlignment? {
        guard let input else { return nil }
        var reason: String?
        var alignment: InputAlignment?
        if !input.capturing.load(ordering: .acquiring) {
            reason = "the input \(input.device) is not capturing"
        } else if let a = input.alignment(bandFrame: tap.startFrame, now: OutputSender.monotonicNanoseconds()) {
            alignment = a
        } else {
            reason = "the band's playback position cannot be read (/proc/asound), so the input \(input.device) cannot be placed against it"
        }
        if let alignment {
            s.inputUnaligned = false
            logger.info("take input aligned: \(alignment.summary)", metadata: [
                "band_start_ns": "\(alignment.bandStartNanoseconds)", "input_frame": "\(alignment.inputFrame)",
            ])
        } else if let reason, !s.inputUnaligned {
            s.inputUnaligned = true
            logger.warning("take without your input: \(reason)")
        }
        return alignment
    }

    /// The take's metadata: when its first band frame left the card and which input frame
    /// went with it, for anyone checking the alignment.
    static func alignmentComment(_ a: InputAlignment, device: String) -> String {
        "sideman input \(device): band frame 0 left the card at CLOCK_MONOTONIC \(a.bandStartNanoseconds) ns; "
            + "input frame \(a.inputFrame) entered it then; \(a.summary)"
    }
}
