import MusicCore
import StyleEngine

extension StyleCheck {
    /// Main A to D rise in energy, measured as the velocity sum of all notes per bar played:
    /// each main at least 97% of the one before (a level step is fine) and Main D at least
    /// 20% above Main A.
    static let energyRises = StyleCheck(name: "energy", figure: { tour in
        "energy per bar " + energy(tour).table
    }) { tour in
        let (perBar, table) = energy(tour)
        let mains = SectionID.MainVariation.allCases
        var failures: [CheckFailure] = []
        for i in 1..<mains.count where perBar[i] < 0.97 * perBar[i - 1] {
            failures.append(CheckFailure(
                "energy", tour, section: .main(mains[i]),
                "quieter than Main \(mains[i - 1].letter): velocity sum per bar \(table); add notes or accents"))
        }
        if perBar[3] < 1.2 * perBar[0] {
            failures.append(CheckFailure(
                "energy", tour, section: .main(.d),
                "not 20% above Main A: velocity sum per bar \(table); Main D should be the fullest"))
        }
        return failures
    }

    /// Velocity sum per bar of Main A–D, and a table of it with notes per bar for messages.
    static func energy(_ tour: StyleTour) -> (perBar: [Double], table: String) {
        var sums: [SectionID.MainVariation: (velocity: Int, notes: Int, bars: Set<Tick>)] = [:]
        for n in tour.mainNotes {
            guard case .main(let v) = n.section else { continue }
            var s = sums[v] ?? (0, 0, [])
            s.velocity += n.velocity
            s.notes += 1
            s.bars.insert(n.start - n.inBar)
            sums[v] = s
        }
        let mains = SectionID.MainVariation.allCases
        let perBar = mains.map { v in sums[v].map { Double($0.velocity) / Double(max(1, $0.bars.count)) } ?? 0 }
        let notesPerBar = mains.map { v in sums[v].map { Double($0.notes) / Double(max(1, $0.bars.count)) } ?? 0 }
        let table = zip(mains, zip(perBar, notesPerBar)).map {
            String(format: "%@ %.0f (%.1f notes)", $0.0.letter, $0.1.0, $0.1.1)
        }.joined(separator: ", ")
        return (perBar, table)
    }
}
