import MusicCore
import StyleEngine

extension StyleCheck {
    /// The style plays in the meter it is written in: bar lines a bar of that meter apart,
    /// sections whole bars, a note on the downbeat of at least 90% of main bars, notes of a
    /// 6/8 or 12/8 style on its eighth-note grid (≥ 90%), a waltz in 3/4 (or 6/8), and a style
    /// whose name or title says 12/8 or 6/8 in that meter.
    static let writtenMeter = StyleCheck(name: "meter") { tour in
        let name = "meter"
        var failures: [CheckFailure] = []
        let bar = tour.ticksPerBar
        for (a, b) in zip(tour.barLines, tour.barLines.dropFirst()) where b - a != bar && abs(b - a - bar) > 2 {
            failures.append(CheckFailure(name, tour, section: tour.section(at: a),
                                         "bar lines \(b - a) ticks apart at tick \(a), a bar of \(tour.meter) is \(bar)"))
            break
        }
        for (id, section) in tour.style.sections.sorted(by: { $0.key < $1.key }) where section.length % bar != 0 {
            failures.append(CheckFailure(name, tour, section: id,
                                         "\(section.length) ticks long: not a whole number of \(tour.meter) bars"))
        }
        let text = (tour.style.name + " " + tour.style.title).lowercased()
        if text.contains("waltz"), tour.meter != .threeFour, tour.meter != .sixEight {
            failures.append(CheckFailure(name, tour, "a waltz written in \(tour.meter): write `meter 3/4`"))
        }
        for (said, meter) in [("12/8", Meter.twelveEight), ("12-8", .twelveEight), ("6/8", .sixEight), ("6-8", .sixEight)]
        where text.contains(said) && tour.meter != meter {
            failures.append(CheckFailure(name, tour, "named \(said) but written in \(tour.meter): write `meter \(meter)`"))
        }
        // Downbeats: each main bar played should sound something on beat 1.
        var bars: [Tick: Bool] = [:]
        for n in tour.mainNotes {
            let barStart = n.start - n.inBar
            bars[barStart] = (bars[barStart] ?? false) || n.inBar <= tour.slack
        }
        let empty = bars.filter { !$0.value }.keys.sorted()
        if bars.count > 0, Double(empty.count) > 0.1 * Double(bars.count) {
            let examples = empty.prefix(4).map { t in
                let n = tour.mainNotes.first { $0.start >= t }
                return n.map { "\($0.section) bar \($0.patternBar)" } ?? "tick \(t)"
            }
            failures.append(CheckFailure(name, tour, "\(empty.count) of \(bars.count) main bars play nothing on beat 1 "
                                         + "(e.g. \(examples.joined(separator: ", "))): is the pattern written in \(tour.meter)?"))
        }
        if tour.meter.isCompound {
            let eighth = tour.ticksPerBeat
            let off = tour.mainNotes.filter { $0.inBar % eighth > tour.slack }
            if Double(off.count) > 0.1 * Double(tour.mainNotes.count) {
                failures.append(CheckFailure(name, tour, "\(percent(off.count, of: tour.mainNotes.count)) of main notes off the "
                                             + "eighth-note grid of \(tour.meter): \(off.examples(tour.meter))"))
            }
        }
        return failures
    }
}
