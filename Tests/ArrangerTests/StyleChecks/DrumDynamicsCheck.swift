import MusicCore
import StyleEngine

extension StyleCheck {
    /// Drums breathe: across the main sections, some hits are ghosts (at most 60% of the
    /// loudest hit) and some are accents (at least 15% above the median hit), in each
    /// rhythm part that plays at least 16 hits.
    static let drumDynamics = StyleCheck(name: "drum-dynamics") { tour in
        var failures: [CheckFailure] = []
        for part in [PartID.rhythm1, .rhythm2] {
            let hits = tour.mainNotes.filter { $0.part == part }
            guard hits.count >= 16 else { continue }
            let v = hits.map(\.velocity).sorted()
            let loudest = v.last!, median = v[v.count / 2]
            let ghosts = v.filter { Double($0) <= 0.6 * Double(loudest) }.count
            let accents = v.filter { Double($0) >= 1.15 * Double(median) }.count
            var missing: [String] = []
            if ghosts == 0 { missing.append("no ghost notes (none at or below \(Int(0.6 * Double(loudest))))") }
            if accents == 0 { missing.append("no accents (none at or above \(Int((1.15 * Double(median)).rounded(.up))))") }
            guard !missing.isEmpty else { continue }
            failures.append(CheckFailure(
                "drum-dynamics", tour, part: part,
                "\(missing.joined(separator: " and ")) in the mains; velocities \(v.first!)–\(loudest), median \(median). "
                    + "Use `g` for ghosts and `X` or digits for accents"))
        }
        return failures
    }
}
