import MusicCore
import StyleEngine

extension ArrangerEngine {
    /// The chord changes now: note maps are refilled in place, then every sounding note of
    /// a non-rhythm part follows its track's retrigger rule (see `ArrangerEngine`).
    mutating func changeChord(to newChord: Chord?, frame: Int, emit: (BandEvent) -> Void) {
        chord = newChord
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
                let rootKey = mapped < 0 ? -1 : Self.nearestKey(to: Int(n.key), pitchClass: newChord.root, rules: rules)
                keep = rootKey == Int(n.key)
                restartKey = rootKey
            case .retrigger, .noteGenerator:
                restartKey = mapped
            case .retriggerToRoot:
                restartKey = mapped < 0 ? -1 : Self.nearestKey(to: Int(n.key), pitchClass: newChord.root, rules: rules)
            }
            if keep {
                i += 1
                continue
            }
            end(slot: i, frame: frame, emit: emit)
            if restartKey >= 0 && scratchCount < scratch.count {
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
