import MusicCore
import StyleEngine

extension StyleCheck {
    static let voiceLeadingLimit = 3.0

    /// In main sections, the top voice of each chord part moves at most 3 semitones on
    /// average across a chord change: from the highest note of its last chord before the
    /// change to the highest note of its first chord after it (both within the section).
    /// A part that strikes chords is judged on them alone (not on single notes between).
    static let voiceLeading = StyleCheck(name: "voice-leading", figure: { tour in
        let means = PartID.allCases.compactMap { part in
            let moves = topVoiceMoves(tour, part: part)
            return moves.isEmpty ? nil : String(format: "%@ %.1f", part.key, meanMove(moves))
        }
        return "top-voice motion " + (means.isEmpty ? "–" : means.joined(separator: ", "))
    }) { tour in
        var failures: [CheckFailure] = []
        for part in PartID.allCases {
            let moves = topVoiceMoves(tour, part: part)
            guard !moves.isEmpty else { continue }
            let mean = meanMove(moves)
            guard mean > voiceLeadingLimit else { continue }
            let worst = moves.sorted { abs($0.to.key - $0.from.key) > abs($1.to.key - $1.from.key) }.prefix(3)
            let text = worst.map { "\($0.from.describe(meter: tour.meter)) → \($0.to.describe(meter: tour.meter))" }
            failures.append(CheckFailure(
                "voice-leading", tour, section: worst.first?.to.section, part: part, bar: worst.first?.to.patternBar,
                String(format: "the top voice moves %.1f semitones per chord change on average (limit %.0f); ", mean, voiceLeadingLimit)
                    + "largest: \(text.joined(separator: "; ")). Try `root fixed` or closer voicings"))
        }
        return failures
    }

    static func meanMove(_ moves: [(from: TourNote, to: TourNote)]) -> Double {
        Double(moves.reduce(0) { $0 + abs($1.to.key - $1.from.key) }) / Double(moves.count)
    }

    /// The top note before and after each main-section chord change, for a chord part
    /// (none for other parts).
    static func topVoiceMoves(_ tour: StyleTour, part: PartID) -> [(from: TourNote, to: TourNote)] {
        guard part.isChordPart, tour.isPitched(part) else { return [] }
        // Highest note of each chord struck (notes within the humanize window start together).
        var groups: [(tick: Tick, key: Int, note: TourNote, size: Int)] = []
        for n in tour.notes(of: part) where n.section.isMain {
            if let last = groups.last, n.start - last.tick <= tour.slack, last.note.section == n.section {
                groups[groups.count - 1].size += 1
                if n.key > last.key { (groups[groups.count - 1].key, groups[groups.count - 1].note) = (n.key, n) }
            } else {
                groups.append((n.start, n.key, n, 1))
            }
        }
        // A part that strikes chords is judged on its chords; single notes between them (a
        // guitar's thumb bass, an arpeggio) are not its top voice.
        let strikesChords = groups.contains { $0.size > 1 }
        let tops = groups.filter { !strikesChords || $0.size > 1 }
        let changes = tour.chordChanges.map(\.tick)
        var moves: [(from: TourNote, to: TourNote)] = []
        var j = 0
        for (c, t) in changes.enumerated() {
            let previous = c > 0 ? changes[c - 1] : 0
            let next = c + 1 < changes.count ? changes[c + 1] : Int.max
            while j < tops.count, tops[j].tick < t { j += 1 }
            guard j > 0, j < tops.count else { continue }
            let before = tops[j - 1], after = tops[j]
            guard before.tick >= previous, after.tick < next, before.note.section == after.note.section,
                tour.section(at: before.tick) == tour.section(at: after.tick)
            else { continue }
            moves.append((before.note, after.note))
        }
        return moves
    }
}
