import MusicCore
import StyleEngine

extension ArrangerEngine {
    mutating func applyCommands(emit: (BandEvent) -> Void, notify: (ArrangerNotice) -> Void) {
        guard !commands.isEmpty else { return }
        for i in commands.indices {
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
        case .nextChord(let next, let ahead):
            upcomingChord = next
            upcomingTick = (running ? clock.nextTick : 0) + max(0, ahead)
        case .push(let newChord):
            pendingChordTick = -1
            if running { forgetUpcoming(through: clock.nextTick) }
            if newChord != chord {
                changeChord(to: newChord, at: clock.nextTick, frame: 0, pushed: running, emit: emit)
                notify(.chordChanged(newChord, frame: 0))
            }
            if running, newChord != nil { accentPush(frame: 0, emit: emit) }
        case .chord(let newChord):
            if running { forgetUpcoming(through: clock.nextTick) }
            if running, newChord != nil, let beat = strongBeat(within: feel.anticipation) {
                pendingChord = newChord
                pendingChordTick = beat
                if beat - clock.nextTick >= feel.clearPush, let newChord {
                    changeEarly(to: newChord, frame: 0, emit: emit)
                }
            } else {
                pendingChordTick = -1
                if newChord != chord {
                    changeChord(to: newChord, at: clock.nextTick, frame: 0, emit: emit)
                    notify(.chordChanged(newChord, frame: 0))
                }
            }
            if !running, syncArmed, newChord != nil {
                syncArmed = false
                let intro = armedIntro
                armedIntro = nil
                start(intro: intro, notify: notify)
            }
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
            retire(pendingStyle)  // two changes within a bar: the first never plays
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
            // Sustain off first, so that All Notes Off is not held by a pedal; All Sound Off
            // cuts release tails too. Spelled out: no table walked on the audio thread.
            for raw in PartID.rhythm1.rawValue..<(PartID.phrase2.rawValue + 1) {  // not allCases: see SectionSequencer.resolved
                let part = PartID(rawValue: raw)!
                let channel = part.channel
                emit(BandEvent(frame: 0, part: part, event: .controlChange(channel: channel, controller: 64, value: 0)))
                emit(BandEvent(frame: 0, part: part, event: .controlChange(channel: channel, controller: 120, value: 0)))
                emit(BandEvent(frame: 0, part: part, event: .controlChange(channel: channel, controller: 123, value: 0)))
            }
        }
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
        pendingChordTick = -1
        upcomingTick = -1
        upcomingChord = nil
        if earlyParts != 0 {
            earlyParts = 0
            refreshMaps()
        }
        for c in approachTarget.indices { approachTarget[c] = -1 }
        sequencer.stop()
        running = false
        playingSection = nil
        swapInPendingStyle(frame: frame, emit: emit)
        notify(.stopped(frame: frame))
    }

    /// The pending style takes over: every note ends, its setup goes out, its note maps
    /// follow the current chord. Storage is swapped, not copied, so nothing allocates; the
    /// old style waits in `retiredStyles`.
    mutating func swapInPendingStyle(frame: Int, emit: (BandEvent) -> Void) {
        guard pendingStyle != nil else { return }
        endNotes(frame: frame, emit: emit) { _ in true }
        dropDelayed { _ in true }
        swap(&compiled, &pendingStyle!.compiled)
        retire(pendingStyle)
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
