import MusicCore
import StyleEngine

extension StyleCheck {
    /// At least 95% of the notes chord1, chord2 and pad start on a beat are tones of the
    /// chord sounding (the slash bass counts).
    static let chordTonesOnBeats = StyleCheck(name: "chord-tones", figure: { tour in
        let (total, wrong) = chordToneTally(tour)
        return "chord tones on beats " + percent(total - wrong.values.reduce(0) { $0 + $1.count }, of: total)
    }) { tour in
        let (total, wrong) = chordToneTally(tour)
        let count = wrong.values.reduce(0) { $0 + $1.count }
        guard total > 0, Double(total - count) < 0.95 * Double(total) else { return [] }
        return wrong.sorted { $0.key < $1.key }.map { part, notes in
            CheckFailure("chord-tones", tour, section: notes[0].section, part: part, bar: notes[0].patternBar,
                         "only \(percent(total - count, of: total)) of chord-part notes on a beat are chord tones (need 95%); "
                         + "\(notes.count) here: \(notes.examples(tour.meter))")
        }
    }

    /// Chord-part notes on a beat, and those that are not chord tones by part.
    static func chordToneTally(_ tour: StyleTour) -> (total: Int, wrong: [PartID: [TourNote]]) {
        var total = 0
        var wrong: [PartID: [TourNote]] = [:]
        for n in tour.notes where n.part.isChordPart && tour.isPitched(n.part) && tour.isOnBeat(n) {
            guard let chord = n.chord else { continue }
            total += 1
            if !chord.pitchClasses.contains(n.pitchClass) { wrong[n.part, default: []].append(n) }
        }
        return (total, wrong)
    }
}
