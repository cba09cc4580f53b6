import MusicCore
import StyleEngine

extension StyleCheck {
    /// In main sections, the first bass note within a beat of each chord change is the
    /// chord's root, or its bass for a slash chord, at least 98% of the time.
    static let bassOnRoot = StyleCheck(name: "bass-root", figure: { tour in
        let (total, wrong) = bassTally(tour)
        return "bass on root " + percent(total - wrong.count, of: total)
    }) { tour in
        let (total, wrong) = bassTally(tour)
        guard total > 0, Double(total - wrong.count) < 0.98 * Double(total) else { return [] }
        let first = wrong[0]
        return [CheckFailure("bass-root", tour, section: first.section, part: .bass, bar: first.patternBar,
                             "the bass starts \(percent(total - wrong.count, of: total)) of main chord changes on the root "
                             + "(need 98%): \(wrong.examples(tour.meter))")]
    }

    /// Main-section chord changes the bass answers within a beat, and the answers off the root.
    static func bassTally(_ tour: StyleTour) -> (total: Int, wrong: [TourNote]) {
        let bass = tour.notes(of: .bass)
        guard !bass.isEmpty, tour.isPitched(.bass) else { return (0, []) }
        var total = 0
        var wrong: [TourNote] = []
        var i = 0
        for change in tour.chordChanges {
            guard let chord = change.chord, tour.section(at: change.tick + tour.slack)?.isMain == true else { continue }
            while i < bass.count, bass[i].start < change.tick { i += 1 }
            guard i < bass.count, bass[i].start < change.tick + tour.pulse else { continue }
            total += 1
            if bass[i].pitchClass != chord.bass { wrong.append(bass[i]) }
        }
        return (total, wrong)
    }
}
