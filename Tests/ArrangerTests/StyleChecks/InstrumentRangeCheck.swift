import MusicCore
import StyleEngine

extension StyleCheck {
    /// Every pitched note lies within the real range of its part's instrument
    /// (InstrumentRanges): no bass below a five-string's B0, no flute below middle C.
    static let instrumentRange = StyleCheck(name: "range") { tour in
        var failures: [CheckFailure] = []
        for part in PartID.allCases where tour.isPitched(part) {
            guard let setup = tour.style.parts[part] else { continue }
            let range = InstrumentRanges.range(program: setup.program.intValue)
            let out = tour.notes(of: part).filter { !range.contains($0.key) }
            guard let first = out.first else { continue }
            let low = NoteName.name(of: UInt7(clamping: range.lowerBound)), high = NoteName.name(of: UInt7(clamping: range.upperBound))
            failures.append(CheckFailure(
                "range", tour, section: first.section, part: part, bar: first.patternBar,
                "\(out.count) notes outside \(setup.instrumentName)'s range \(low)–\(high): \(out.examples(tour.meter)). "
                    + "Narrow the part's `limits` or rewrite the notes"))
        }
        return failures
    }
}
