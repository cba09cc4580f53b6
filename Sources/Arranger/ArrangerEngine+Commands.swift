import MusicCore
import StyleEngine

extension ArrangerEngine {
    mutating func applyCommands(emit: (BandEvent) -> Void, notify: (ArrangerNotice) -> Void) {
        guard !commands.isEmpty else { return }
        // Chords queued for the same block all take effect at its frame 0: only the last one
        // sounds. Keys read one by one (C E G, then B) give C and then Cmaj7; playing C
        // would start voices only to end them at once, the costliest block there is.
        var lastChord = -1
        for i in commands.indices { if case .chord = commands[i] { lastChord = i } }
        for i in commands.indices {
            if i < lastChord, case .chord(let superseded) = commands[i] {
                startOnChord(superseded, notify: notify)
                continue
            }
            apply(commands[i], emit: emit, notify: notify)
        }
        commands.removeAll(keepingCapacity: true)
    }

    private mutating func apply(_ command: ArrangerCommand, emit: (BandEvent) -> Void, notify: (ArrangerNotice) -> Void) {
        switch command {
        case .start:
            if !running { start(intro: nil, notify: notify) }
        case .stop:
            if running { stopNow(frame: 0, emit: emit, notify: notify) }
        case .syncStart(let on):
            syncArmed = on && !running
            if !on { armedIntro = nil }
        case .chord(let newChord):
            if newChord != chord {
                changeChord(to: newChord, frame: 0, emit: emit)
                notify(.chordChanged(newChord, frame: 0))
            }
            startOnChord(newChord, notify: notify)
        case .section(let id):
            if running {
                sequencer.request(id)
            } else if id.isIntro {
                if syncArmed { armedIntro = id } else { start(intro: id, notify: notify) }
            } else if id.isMain {
                sequencer.request(id)
            }
        case .autoFill(let on):
            sequencer.autoFill = on
        case .tempo(let t):
            guard t != tempo else { return }
            tempo = t
            clock.setTempo(t, sampleRate: sampleRate)
            notify(.tempoChanged(t, frame: 0))
        case .mute(let part, let on):
            let bit = UInt16(1) << UInt16(part.rawValue)
            if on {
                mutedParts |= bit
                endNotes(frame: 0, emit: emit) { $0.part == part }
                dropDelayed { $0.note.part == part }
            } else {
                mutedParts &= ~bit
            }
        case .volume(let part, let value):
            emit(BandEvent(frame: 0, part: part,
                           event: .controlChange(channel: part.channel, controller: MIDIController.volume, value: value)))
        case .style:
            guard incomingStyle != nil else { return }
            pendingStyle = incomingStyle
            incomingStyle = nil
            if !running {
                swapInPendingStyle(frame: 0, emit: emit)
                if compiled.style.tempo != tempo {
                    tempo = compiled.style.tempo
                    clock.setTempo(tempo, sampleRate: sampleRate)
                    notify(.tempoChanged(tempo, frame: 0))
                }
            }
        case .panic:
            endNotes(frame: 0, emit: emit) { _ in true }
            dropDelayed { _ in true }
            for part in PartID.allCases {
                emit(BandEvent(frame: 0, part: part,
                               event: .controlChange(channel: part.channel, controller: MIDIController.allNotesOff, value: 0)))
            }
        }
    }

    /// Sync start: the first chord starts the band.
    private mutating func startOnChord(_ newChord: Chord?, notify: (ArrangerNotice) -> Void) {
        guard !running, syncArmed, newChord != nil else { return }
        syncArmed = false
        let intro = armedIntro
        armedIntro = nil
        start(intro: intro, notify: notify)
    }

    mutating func start(intro: SectionID?, notify: (ArrangerNotice) -> Void) {
        running = true
        syncArmed = false
        clock.reset()
        _ = sequencer.start(intro: intro)
        firstBar = true
        nextBarLine = 0
        barStart = 0
        barNumber = -1
        playingSection = nil
        notify(.started(frame: 0))
    }

    mutating func stopNow(frame: Int, emit: (BandEvent) -> Void, notify: (ArrangerNotice) -> Void) {
        endNotes(frame: frame, emit: emit) { _ in true }
        dropDelayed { _ in true }
        sequencer.stop()
        running = false
        playingSection = nil
        swapInPendingStyle(frame: frame, emit: emit)
        notify(.stopped(frame: frame))
    }

    /// The pending style takes over: every note ends, its setup goes out, its note maps
    /// follow the current chord. Storage is swapped, not copied, so nothing allocates; the
    /// old style waits in `retiredStyle`.
    mutating func swapInPendingStyle(frame: Int, emit: (BandEvent) -> Void) {
        guard pendingStyle != nil else { return }
        endNotes(frame: frame, emit: emit) { _ in true }
        dropDelayed { _ in true }
        swap(&compiled, &pendingStyle!.compiled)
        retiredStyle = pendingStyle
        pendingStyle = nil
        refreshMaps()
        sequencer.replaceSections(compiled.bars)
        for i in compiled.setup.indices {
            var e = compiled.setup[i]
            e.frame = frame
            emit(e)
        }
    }

    mutating func refreshMaps() {
        for i in compiled.rules.indices {
            let rules = compiled.rules[i]
            maps[i].update(rules: rules, chord: chord ?? rules.sourceChord)
        }
    }
}
