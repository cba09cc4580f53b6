import MusicCore
import StyleEngine

extension StyleCheck {
    /// A style that says it swings (a swing feel, or "swing"/"shuffle" in its name, title or
    /// genre) plays its off-beat eighths late: main-section notes starting between 30% and
    /// 85% of a beat land on average at 56% of it or later (straight is 50%, triplet 67%).
    /// With `feel swing … 16` the same holds for sixteenths within each eighth. 6/8 and
    /// 12/8 styles swing by their meter and are not measured.
    static let swingIsSwung = StyleCheck(name: "swing", figure: { tour in
        guard let (mean, _) = offBeatPosition(tour) else { return "swing –" }
        return String(format: "off-beats at %.0f%%", mean * 100)
    }) { tour in
        guard let (mean, offBeats) = offBeatPosition(tour) else { return [] }
        guard !offBeats.isEmpty else {
            return [CheckFailure("swing", tour, "a swing style with no off-beat notes in its mains: nothing swings")]
        }
        guard mean < 0.56 else { return [] }
        return [CheckFailure(
            "swing", tour, section: offBeats[0].section, part: offBeats[0].part, bar: offBeats[0].patternBar,
            String(format: "off-beat notes land at %.0f%% of the beat on average (need 56%% or later): ", mean * 100)
                + "\(offBeats.examples(tour.meter)). Write `feel swing 0.62` (or `feel shuffle`) and straight eighths")]
    }

    /// For a style that claims swing: where its off-beat notes land on average (a share of
    /// the beat, or of the eighth with 16th swing), and the notes; nil for other styles.
    static func offBeatPosition(_ tour: StyleTour) -> (mean: Double, notes: [TourNote])? {
        let style = tour.style
        let words = (style.name + " " + style.title + " " + style.genre).lowercased()
        guard !style.feel.isStraight || words.contains("swing") || words.contains("shuffle"), !tour.meter.isCompound else {
            return nil
        }
        let unit = style.feel.subdivision == 16 ? tour.ticksPerBeat / 2 : tour.ticksPerBeat
        let offBeats = tour.mainNotes.filter {
            let f = Double($0.inBar % unit) / Double(unit)
            return f > 0.3 && f < 0.85
        }
        let mean = offBeats.reduce(0.0) { $0 + Double($1.inBar % unit) / Double(unit) } / Double(max(1, offBeats.count))
        return (mean, offBeats)
    }
}
