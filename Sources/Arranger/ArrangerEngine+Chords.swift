import MusicCore
import StyleEngine

extension ArrangerEngine {
    /// The chord changes now: note maps are refilled in place, then every sounding note of
    /// a non-rhythm part follows its track's retrigger rule (see `ArrangerEngine`).
    ///
    /// A note that began within the late window (`feel`) before this moment is instead
    /// corrected as if the chord had come on time: its pitch becomes the one the new chord
    /// gives it (a bass part's first note lands on the chord's bass), with its onset, velocity
    /// and end unchanged; a pitch that stays the same keeps sounding, untouched. FluidSynth
    /// then plays a note-off and a note-on on one frame: no gap, no second attack of the same
    /// key, and the early pitch has sounded at most the window's length.
    ///
    /// A pushed chord (`pushed`, a chart's `^`) re-strikes every sounding note of a pitched part
    /// on the new chord, whatever its rule: the comping parts stab it, the bass moves to the
    /// new bass note. Parts that already took this chord ahead of the beat (`changeEarly`)
    /// are left as they are.
    mutating func changeChord(to newChord: Chord?, at now: Tick, frame: Int, pushed: Bool = false, emit: (BandEvent) -> Void) {
        let already: UInt16 = earlyParts != 0 && newChord == earlyChord ? earlyParts : 0
        earlyParts = 0
        chord = newChord
        chordTick = now
        bassToLand = newChord == nil ? 0 : 0xFFFF
        refreshMaps()
        follow(newChord, at: now, frame: frame, parts: ~already, pushed: pushed, emit: emit)
    }

    /// A clear push played live: the comping parts (chord 1 and 2) take the chord now (their note maps and
    /// sounding notes, by their rules), the others wait for the beat (`pendingChord`).
    mutating func changeEarly(to newChord: Chord, frame: Int, emit: (BandEvent) -> Void) {
        for i in compiled.rules.indices where compiled.compingRules[i] {
            maps[i].update(rules: compiled.rules[i], chord: newChord)
        }
        let comping: UInt16 = 1 << UInt16(PartID.chord1.rawValue) | 1 << UInt16(PartID.chord2.rawValue)
        follow(newChord, at: clock.nextTick, frame: frame, parts: comping, pushed: false, emit: emit)
        earlyChord = newChord
        earlyParts = comping
    }

    /// The drums mark a pushed chord: a kick and a crash on the rhythm 1 channel, unless the
    /// part is muted; they end like any band note.
    mutating func accentPush(frame: Int, emit: (BandEvent) -> Void) {
        guard mutedParts & (1 << UInt16(PartID.rhythm1.rawValue)) == 0 else { return }
        let now = clock.nextTick
        var note = SoundingNotes.Note(
            part: .rhythm1, channel: UInt8(PartID.rhythm1.rawValue), key: Self.pushKick, written: Self.pushKick, velocity: 112,
            rulesIndex: 0, endTick: now + PPQ.standard, startTick: now)
        startSounding(note, frame: frame, emit: emit)
        note.key = Self.pushCrash
        note.written = Self.pushCrash
        note.velocity = 104
        startSounding(note, frame: frame, emit: emit)
    }

    /// GM drum keys of a push's accent: bass drum 1 and crash cymbal 1.
    static let pushKick: UInt8 = 36
    static let pushCrash: UInt8 = 49

    /// Sounding notes of `parts` (bit = channel) follow `newChord`: see `changeChord`.
    mutating func follow(_ newChord: Chord?, at now: Tick, frame: Int, parts: UInt16, pushed: Bool, emit: (BandEvent) -> Void) {
        scratchCount = 0
        let lateFrames = feel.lateWindowMilliseconds * sampleRate / 1000
        var i = 0
        while i < sounding.count {
            let n = sounding[i]
            if n.part.isRhythm || parts & (1 << UInt16(n.part.rawValue)) == 0 {
                i += 1
                continue
            }
            guard let newChord else {
                end(slot: i, frame: frame, emit: emit)
                continue
            }
            if lateFrames > 0 && framesSince(n.startTick, atFrame: frame) <= lateFrames {
                let rules = compiled.rules[Int(n.rulesIndex)]
                var key = maps[Int(n.rulesIndex)].key(for: Int(n.written))
                if key >= 0 && Self.follows(bass: rules) {
                    let landing = Self.nearestKey(to: key, pitchClass: newChord.bass, rules: rules)
                    if landing >= 0 { key = landing }
                }
                let partBit: UInt16 = 1 << UInt16(n.part.rawValue)
                bassToLand &= ~partBit
                if n.startTick < chordTick { chordTick = n.startTick }
                if key == Int(n.key) {
                    i += 1
                    continue
                }
                end(slot: i, frame: frame, emit: emit)
                if key >= 0 && scratchCount < scratch.count {
                    var corrected = n
                    corrected.key = UInt8(key)
                    scratch[scratchCount] = corrected
                    scratchCount += 1
                }
                continue
            }
            let rules = compiled.rules[Int(n.rulesIndex)]
            let mapped = maps[Int(n.rulesIndex)].key(for: Int(n.written))
            var restartKey = -1
            var keep = false
            switch pushed ? (Self.follows(bass: rules) ? .retriggerToRoot : .retrigger) : rules.retrigger {
            case .stop:
                break
            case .pitchShift:
                keep = mapped == Int(n.key)
                restartKey = mapped
            case .pitchShiftToRoot:
                let rootKey = mapped < 0 ? -1 : Self.nearestKey(to: Int(n.key), pitchClass: Self.root(of: newChord, rules), rules: rules)
                keep = rootKey == Int(n.key)
                restartKey = rootKey
            case .retrigger, .noteGenerator:
                restartKey = mapped
            case .retriggerToRoot:
                restartKey = mapped < 0 ? -1 : Self.nearestKey(to: Int(n.key), pitchClass: Self.root(of: newChord, rules), rules: rules)
            }
            if keep {
                i += 1
                continue
            }
            end(slot: i, frame: frame, emit: emit)
            // A note about to end anyway (a chord played just ahead of the beat) is not
            // struck again for a blip.
            let remaining = n.endTick - now
            if restartKey >= 0 && remaining >= Self.shortestRestart && scratchCount < scratch.count {
                var restarted = n
                restarted.key = UInt8(restartKey)
                restarted.startTick = now
                scratch[scratchCount] = restarted
                scratchCount += 1
            }
        }
        // A key already sounding on the channel (kept, or restarted a moment ago for
        // another note) is not struck twice.
        for s in 0..<scratchCount {
            let n = scratch[s]
            if sounding.slot(channel: n.channel, key: n.key) == nil {
                startSounding(n, frame: frame, emit: emit)
            }
        }
        scratchCount = 0
    }

    /// Frames from tick `t` (already played) to `frame` of the current block; exact, from
    /// the same integer clock that placed the note.
    func framesSince(_ t: Tick, atFrame frame: Int) -> Int {
        let l = clock.lead(of: t)
        let at = l > 0 ? (l + clock.den - 1) / clock.den : l / clock.den
        return frame - at
    }

    /// The next strong beat (the bar line, or mid-bar in an even bar of four or more beats)
    /// if it lies no more than `window` ticks ahead of the clock.
    func strongBeat(within window: Tick) -> Tick? {
        guard window > 0 else { return nil }
        let now = clock.nextTick
        var beat = nextBarLine
        let beats = compiled.ticksPerBar / max(1, compiled.ticksPerBeat)
        if beats >= 4 && beats % 2 == 0 {
            let middle = barStart + compiled.ticksPerBar / 2
            if middle > now && middle < beat { beat = middle }
        }
        return beat > now && beat - now <= window ? beat : nil
    }

    /// The note a "to root" rule aims at: the slash bass for parts that follow the bass.
    static func root(of chord: Chord, _ rules: TranspositionRules) -> PitchClass {
        follows(bass: rules) ? chord.bass : chord.root
    }

    /// Parts whose notes follow the chord's bass note (the bass table, or SFF2 "bass on").
    static func follows(bass rules: TranspositionRules) -> Bool { rules.table == .bass || rules.bassOn }

    /// How soon after a chord change a bass part's first note still lands on the chord's
    /// bass: an eighth note, so a walking line written across the change is not rewritten.
    static let bassLandingWindow: Tick = PPQ.standard / 2

    /// Sounding notes with less than a 32nd note left end instead of restarting.
    static let shortestRestart: Tick = PPQ.standard / 8

    /// The key of `pitchClass` nearest to `key`, folded into the rules' limits.
    static func nearestKey(to key: Int, pitchClass: PitchClass, rules: TranspositionRules) -> Int {
        var d = ((pitchClass.rawValue - key) % 12 + 12) % 12
        if d > 6 { d -= 12 }
        var k = key + d
        let low = Int(rules.lowLimit.rawValue), high = Int(rules.highLimit.rawValue)
        while k < low { k += 12 }
        while k > high { k -= 12 }
        return (0...127).contains(k) && k >= low ? k : -1
    }
}
