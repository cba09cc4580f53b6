import MusicCore
import StyleEngine

extension ArrangerEngine {
    /// Ticks a chart cue may reach the engine ahead of its tick (live, a cue fires at frame 0
    /// of the block that holds it): a 64th note, far more than one audio block at any tempo.
    static let cueTolerance: Tick = PPQ.standard / 16

    /// Whether the written note `index` of `track`, starting at `tick`, is the last note of a
    /// walking line before the known next chord: it starts in the last beat before the change
    /// (and more than a 32nd before it), and the track's next note starts at the change or
    /// after it.
    func leadsIntoNextChord(_ track: CompiledStyle.Track, index: Int, at tick: Tick) -> Bool {
        guard track.walks, upcomingTick >= 0, upcomingChord != nil else { return false }
        let ahead = upcomingTick - tick
        guard ahead > Self.shortestRestart, ahead <= compiled.ticksPerBeat + Self.cueTolerance else { return false }
        let barEnd = barOffset + compiled.ticksPerBar
        var following = nextBarLine
        if index + 1 < track.notes.count, track.notes[index + 1].tick < barEnd {
            following = barStart + track.notes[index + 1].tick - barOffset
        }
        return following >= upcomingTick - Self.cueTolerance
    }

    /// The approach into `next`: a half step below or above its bass, a scale step above or
    /// below, or its fifth (the dominant), whichever lies nearest the note the line would have
    /// played; between the two nearest, a choice that varies from bar to bar. Returns the key
    /// and the target it leads to, folded into the rules' limits (nil when nothing fits).
    func approach(from key: Int, into next: Chord, rules: TranspositionRules, part: PartID) -> (key: Int, target: Int)? {
        let target = Self.nearestKey(to: key, pitchClass: next.bass, rules: rules)
        guard target >= 0 else { return nil }
        let low = Int(rules.lowLimit.rawValue), high = Int(rules.highLimit.rawValue)
        var best = -1, second = -1
        // Half step below, above, whole step below, above, fifth above, below: a tuple, so
        // nothing is allocated on the audio thread.
        let steps = (-1, 1, -2, 2, 7, -5)
        for i in 0..<6 {
            let step: Int
            switch i {
            case 0: step = steps.0
            case 1: step = steps.1
            case 2: step = steps.2
            case 3: step = steps.3
            case 4: step = steps.4
            default: step = steps.5
            }
            let k = target + step
            guard k >= low, k <= high, (0...127).contains(k) else { continue }
            if best < 0 || abs(k - key) < abs(best - key) {
                second = best
                best = k
            } else if second < 0 || abs(k - key) < abs(second - key) {
                second = k
            }
        }
        guard best >= 0 else { return nil }
        let h = Self.mix(seed &+ UInt64(barNumber) &* 0x2545_F491 &+ UInt64(part.rawValue))
        let chosen = second >= 0 && h & 1 == 1 ? second : best
        return (chosen, target)
    }

    /// Forgets the next chord once its change has come (or the band stops).
    mutating func forgetUpcoming(through tick: Tick) {
        if upcomingTick >= 0, upcomingTick <= tick + Self.cueTolerance {
            upcomingTick = -1
            upcomingChord = nil
        }
    }
}
