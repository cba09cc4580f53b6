import MusicCore
import StyleEngine

extension StyleCheck {
    /// Main sections are phrases, not loops: over eight bars on a held chord, Main A–D each
    /// have at least one part that plays more than one distinct bar; the drums vary in
    /// velocity (spread ≥ 3) and are not quantized (timing spread ≥ 0.1 ms).
    /// `MainVariation` measures; docs/styles.md shows the figures beside each piano roll.
    static let variation = StyleCheck(name: "variation", oncePerStyle: true, figure: { tour in
        "variation " + MainVariation.measure(tour.style, file: tour.file).map(\.summary).joined(separator: ", ")
    }) { tour in
        var failures: [CheckFailure] = []
        for m in MainVariation.measure(tour.style, file: tour.file) {
            if m.isLoop {
                failures.append(CheckFailure(
                    "variation", tour, section: .main(m.section),
                    "every part repeats one bar over \(MainVariation.bars) bars (\(m.summary)): write a two- or four-bar "
                        + "pattern in a part, e.g. a drum pickup in the last bar or a bass line that answers itself"))
            }
            if m.drumHits >= 16, m.drumVelocitySpread < 3 {
                failures.append(CheckFailure(
                    "variation", tour, section: .main(m.section),
                    String(format: "drum velocities spread only %.1f: use accents `X`, ghosts `g` or digits", m.drumVelocitySpread)))
            }
            if m.drumHits >= 16, m.drumTimingSpreadMS < 0.1 {
                failures.append(CheckFailure(
                    "variation", tour, section: .main(m.section),
                    String(format: "drum timing spread %.2f ms: the drums are quantized; add `humanize timing`", m.drumTimingSpreadMS)))
            }
        }
        return failures
    }
}

extension MainVariation {
    /// "A: rhythm1 2, bass 4, chord1 1; drums ±14.2 vel ±3.1 ms".
    var summary: String {
        let parts = distinctBars.keys.sorted().map { "\($0.key) \(distinctBars[$0]!)" }.joined(separator: " ")
        return String(format: "%@ [%@; drums ±%.1f vel ±%.1f ms]", section.letter, parts, drumVelocitySpread, drumTimingSpreadMS)
    }
}
