import MusicCore
import StyleEngine

extension StyleCheck {
    static let inScaleThreshold = 0.95

    /// Whether `pc` belongs to the scale the band uses over `chord` (its chord tones, the
    /// slash bass, and the seven-note scale of its type).
    static func isInScale(_ pc: PitchClass, over chord: Chord) -> Bool {
        chord.pitchClasses.contains(pc) || ChordScale.set(of: chord.type).contains(pc.interval(from: chord.root))
    }

    /// At least 95% of the pitched band notes are in the scale of the chord sounding when
    /// they start. A chromatic approach note (the part's next note, within a beat, is a half
    /// step away and in the scale) counts as in the scale: walking bass lines lean on them.
    static let inScale = StyleCheck(name: "in-scale", figure: { tour in
        let (total, outside) = scaleTally(tour)
        return "in scale " + percent(total - outside.values.reduce(0) { $0 + $1.count }, of: total)
    }) { tour in
        let (total, outside) = scaleTally(tour)
        let wrong = outside.values.reduce(0) { $0 + $1.count }
        guard total > 0, Double(total - wrong) < inScaleThreshold * Double(total) else { return [] }
        return outside.sorted { $0.value.count > $1.value.count }.prefix(3).map { part, notes in
            CheckFailure("in-scale", tour, section: notes[0].section, part: part, bar: notes[0].patternBar,
                         "only \(percent(total - wrong, of: total)) of band notes are in the chord's scale (need 95%); "
                         + "\(notes.count) of them here: \(notes.examples(tour.meter))")
        }
    }

    /// Pitched notes judged, and those outside the scale by part.
    static func scaleTally(_ tour: StyleTour) -> (total: Int, outside: [PartID: [TourNote]]) {
        var total = 0
        var outside: [PartID: [TourNote]] = [:]
        for part in PartID.allCases where tour.isPitched(part) {
            let notes = tour.notes(of: part)
            for (i, n) in notes.enumerated() {
                guard let chord = n.chord else { continue }
                total += 1
                if isInScale(n.pitchClass, over: chord) { continue }
                if let next = notes[(i + 1)...].first(where: { $0.start > n.start }), next.start - n.start <= tour.pulse,
                    abs(next.key - n.key) == 1, let nextChord = next.chord, isInScale(next.pitchClass, over: nextChord)
                {
                    continue
                }
                outside[part, default: []].append(n)
            }
        }
        return (total, outside)
    }
}
