import MusicCore
import StyleEngine

extension ArrangerEngine {
    /// Plays every tick of the block that carries something: note-offs first, then the bar
    /// line, then delayed and written note-ons.
    mutating func play(frames: Int, emit: (BandEvent) -> Void, notify: (ArrangerNotice) -> Void) {
        while running {
            var tick = nextBarLine
            if let end = sounding.earliestEnd, end < tick { tick = end }
            if let d = earliestDelayed, d < tick { tick = d }
            if let n = nextPatternTick(), n < tick { tick = n }
            if pendingChordTick >= 0, pendingChordTick < tick { tick = pendingChordTick }
            tick = max(tick, clock.nextTick)
            guard let frame = clock.frame(of: tick, frames: frames) else { return }

            endNotes(frame: frame, emit: emit) { $0.endTick <= tick }
            if tick == nextBarLine {
                barLine(at: tick, frame: frame, emit: emit, notify: notify)
                if !running { return }
            }
            if pendingChordTick >= 0, pendingChordTick <= tick {
                pendingChordTick = -1
                if pendingChord != chord {
                    changeChord(to: pendingChord, at: tick, frame: frame, emit: emit)
                    notify(.chordChanged(pendingChord, frame: frame))
                }
            }
            fireDelayed(through: tick, frame: frame, emit: emit)
            firePattern(at: tick, frame: frame, emit: emit)
            clock.played(through: tick)
        }
    }

    // MARK: Bar lines

    mutating func barLine(at tick: Tick, frame: Int, emit: (BandEvent) -> Void, notify: (ArrangerNotice) -> Void) {
        if !firstBar {
            if sequencer.nextBar() == .stop {
                stopNow(frame: frame, emit: emit, notify: notify)
                return
            }
        }
        firstBar = false
        swapInPendingStyle(frame: frame, emit: emit)
        barNumber += 1
        barStart = tick
        nextBarLine = tick + compiled.ticksPerBar
        barOffset = sequencer.bar * compiled.ticksPerBar
        notify(.bar(barNumber, frame: frame))
        if sequencer.section != playingSection {
            playingSection = sequencer.section
            if let s = playingSection { notify(.sectionStarted(s, frame: frame)) }
        }
        guard let section = compiled.section(playingSection) else { return }
        for t in section.tracks.indices {
            cursors[t] = Self.firstNote(in: section.tracks[t].notes, atOrAfter: barOffset)
        }
    }

    static func firstNote(in notes: [PatternNote], atOrAfter tick: Tick) -> Int {
        var lo = 0, hi = notes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if notes[mid].tick < tick { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Pattern notes

    func nextPatternTick() -> Tick? {
        guard let section = compiled.section(playingSection) else { return nil }
        let barEnd = barOffset + compiled.ticksPerBar
        var best: Tick?
        for t in section.tracks.indices {
            let notes = section.tracks[t].notes
            let c = cursors[t]
            guard c < notes.count, notes[c].tick < barEnd else { continue }
            let at = barStart + notes[c].tick - barOffset
            if best == nil || at < best! { best = at }
        }
        return best
    }

    mutating func firePattern(at tick: Tick, frame: Int, emit: (BandEvent) -> Void) {
        guard let section = compiled.section(playingSection) else { return }
        let barEnd = barOffset + compiled.ticksPerBar
        let local = tick - barStart + barOffset
        let humanize = compiled.humanize
        for t in section.tracks.indices {
            let track = section.tracks[t]
            while cursors[t] < track.notes.count {
                let i = cursors[t]
                let written = track.notes[i]
                guard written.tick == local, written.tick < barEnd else { break }
                cursors[t] = i + 1
                var velocity = Int(written.velocity.rawValue)
                var delay = 0
                if humanize.timing > 0 || humanize.velocity > 0 {
                    let h = Self.mix(seed &+ UInt64(barNumber) &* 0x9E37_79B9 &+ UInt64(t) &* 0x1_0001 &+ UInt64(i))
                    if humanize.timing > 0 { delay = Int(h % UInt64(humanize.timing + 1)) }
                    if humanize.velocity > 0 {
                        velocity += Int((h >> 32) % UInt64(2 * humanize.velocity + 1)) - humanize.velocity
                    }
                }
                var note = SoundingNotes.Note(
                    part: track.part, channel: track.channel, key: 0, written: written.note.rawValue,
                    velocity: UInt8(min(127, max(1, velocity))), rulesIndex: Int16(track.rulesIndex), endTick: 0)
                note.leads = leadsIntoNextChord(track, index: i, at: tick)
                if delay > 0 && delayedCount < Self.delayedCapacity {
                    delayed[delayedCount] = DelayedNote(note: note, startTick: tick + delay, duration: written.duration)
                    delayedCount += 1
                } else {
                    startWritten(note, at: tick, duration: written.duration, frame: frame, emit: emit)
                }
            }
        }
    }

    /// SplitMix64 finaliser: a repeatable spread of bits for humanizing.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    var earliestDelayed: Tick? {
        guard delayedCount > 0 else { return nil }
        var m = delayed[0].startTick
        for i in 1..<delayedCount where delayed[i].startTick < m { m = delayed[i].startTick }
        return m
    }

    mutating func fireDelayed(through tick: Tick, frame: Int, emit: (BandEvent) -> Void) {
        var i = 0
        while i < delayedCount {
            if delayed[i].startTick <= tick {
                let d = delayed[i]
                delayedCount -= 1
                delayed[i] = delayed[delayedCount]
                startWritten(d.note, at: tick, duration: d.duration, frame: frame, emit: emit)
            } else {
                i += 1
            }
        }
    }

    mutating func dropDelayed(where shouldDrop: (DelayedNote) -> Bool) {
        var i = 0
        while i < delayedCount {
            if shouldDrop(delayed[i]) {
                delayedCount -= 1
                delayed[i] = delayed[delayedCount]
            } else {
                i += 1
            }
        }
    }

    /// A written note starts now: mute, chord and the track's note map decide its key.
    mutating func startWritten(_ written: SoundingNotes.Note, at tick: Tick, duration: Tick, frame: Int,
                               emit: (BandEvent) -> Void) {
        guard mutedParts & (1 << UInt16(written.part.rawValue)) == 0 else { return }
        guard chord != nil || written.part.isRhythm else { return }
        var key = maps[Int(written.rulesIndex)].key(for: Int(written.written))
        guard key >= 0 else { return }
        let partBit: UInt16 = 1 << UInt16(written.part.rawValue)
        if bassToLand & partBit != 0, let chord {
            bassToLand &= ~partBit
            let rules = compiled.rules[Int(written.rulesIndex)]
            if Self.follows(bass: rules) && tick - chordTick < Self.bassLandingWindow {
                let aimed = Int(approachTarget[Int(written.channel)])
                let landing = aimed >= 0 && aimed % 12 == chord.bass.rawValue
                    ? aimed : Self.nearestKey(to: key, pitchClass: chord.bass, rules: rules)
                if landing >= 0 { key = landing }
            }
        }
        approachTarget[Int(written.channel)] = -1
        if written.leads, let next = upcomingChord, tick < upcomingTick {
            let rules = compiled.rules[Int(written.rulesIndex)]
            if let lead = approach(from: key, into: next, rules: rules, part: written.part) {
                key = lead.key
                approachTarget[Int(written.channel)] = Int16(lead.target)
            }
        }
        var note = written
        note.key = UInt8(key)
        note.endTick = tick + max(1, duration)
        note.startTick = tick
        startSounding(note, frame: frame, emit: emit)
    }

    /// Sound a note: a note on the same key of the channel ends first; a full table gives
    /// up the note that would end soonest.
    mutating func startSounding(_ note: SoundingNotes.Note, frame: Int, emit: (BandEvent) -> Void) {
        if let s = sounding.slot(channel: note.channel, key: note.key) { end(slot: s, frame: frame, emit: emit) }
        if sounding.isFull, let s = sounding.earliestSlot { end(slot: s, frame: frame, emit: emit) }
        bassToLand &= ~(1 << UInt16(note.part.rawValue))
        emit(BandEvent(frame: frame, part: note.part,
                       event: .noteOn(channel: MIDIChannel(rawValue: note.channel)!, note: UInt7(rawValue: note.key)!,
                                      velocity: UInt7(rawValue: note.velocity)!)))
        sounding.insert(note)
    }

    mutating func end(slot: Int, frame: Int, emit: (BandEvent) -> Void) {
        let n = sounding[slot]
        emit(BandEvent(frame: frame, part: n.part,
                       event: .noteOff(channel: MIDIChannel(rawValue: n.channel)!, note: UInt7(rawValue: n.key)!, velocity: 0)))
        sounding.remove(at: slot)
    }

    mutating func endNotes(frame: Int, emit: (BandEvent) -> Void, where shouldEnd: (SoundingNotes.Note) -> Bool) {
        var i = 0
        while i < sounding.count {
            if shouldEnd(sounding[i]) { end(slot: i, frame: frame, emit: emit) } else { i += 1 }
        }
    }
}
