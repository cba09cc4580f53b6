import MusicCore
import StyleEngine

extension ArrangerEngine {
    /// The chord changes now: note maps are refilled in place, then every sounding note of
    /// a non-rhythm part follows its track's retrigger rule (see `ArrangerEngine`).
    mutating func changeChord(to newChord: Chord?, frame: Int, emit: (BandEvent) -> Void) {
        chord = newChord
        chordTick = clock.nextTick
        bassToLand = newChord == nil ? 0 : 0xFFFF
        refreshMaps()
        scratchCount = 0
        var i = 0
        while i < sounding.count {
            let n = sounding[i]
            if n.part.isRhythm {
                i += 1
                continue
            }
            guard let newChord else {
                end(slot: i, frame: frame, emit: emit)
                continue
            }
            let rules = compiled.rules[Int(n.rulesIndex)]
            let mapped = maps[Int(n.rulesIndex)].key(for: Int(n.written))
            var restartKey = -1
            var keep = false
            switch rules.retrigger {
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
            let remaining = n.endTick - clock.nextTick
            if restartKey >= 0 && remaining >= Self.shortestRestart && scratchCount < scratch.count {
                var restarted = n
                restarted.key = UInt8(restartKey)
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
