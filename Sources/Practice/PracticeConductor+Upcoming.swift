import Arranger
import MusicCore

extension PracticeConductor {
    /// How far ahead of its beat a pushed chord (`^F7`) is played: an eighth note.
    public static let pushLead: Tick = PPQ.standard / 2

    /// Where in a bar the band takes a change: a push an eighth early (a push on the first
    /// bar of the song has nothing before it and plays on the beat).
    func bandOffset(of change: PracticeChord, in bar: PracticeBar) -> Tick {
        change.pushed && (change.offset > 0 || bar.index > 0) ? change.offset - Self.pushLead : change.offset
    }

    /// The change the band meets after `at` (ticks from the start of `bar`) while `current`
    /// sounds: its chord and when, looking ahead at most a pass and a bar. Nil when the next
    /// change is to no chord, or none comes.
    func nextChange(after at: Tick, current: Chord?, in bar: PracticeBar) -> (at: Tick, chord: Chord)? {
        let length = meter.ticksPerBar()
        var scanning: PracticeBar? = bar
        var start: Tick = 0
        var scanned = 0
        while let b = scanning, scanned <= plan.pass.count + 1 {
            for change in b.changes where change.chord != current {
                let t = start + bandOffset(of: change, in: b)
                guard t > at else { continue }
                guard let chord = change.chord else { return nil }
                return (t, chord)
            }
            start += length
            scanned += 1
            scanning = plan.bar(b.index + 1)
        }
        return nil
    }

    /// The next chord and when it comes, for the band to lead into (a walking bass's approach
    /// note): at the bar's start and after each change the conductor cued in it.
    func upcoming(in bar: PracticeBar, changed: [(offset: Tick, chord: Chord?)], before: Chord??) -> [(offset: Tick, cue: Cue)] {
        var points = changed
        if points.first?.offset != 0 {
            guard case .some(let sounding) = before else { return upcomingCues(points, bar) }
            points.insert((0, sounding), at: 0)
        }
        return upcomingCues(points, bar)
    }

    private func upcomingCues(_ points: [(offset: Tick, chord: Chord?)], _ bar: PracticeBar) -> [(offset: Tick, cue: Cue)] {
        points.compactMap { p -> (offset: Tick, cue: Cue)? in
            guard p.chord != nil, let next = nextChange(after: p.offset, current: p.chord, in: bar) else { return nil }
            return (p.offset, .command(.nextChord(next.chord, inTicks: next.at - p.offset)))
        }
    }
}
