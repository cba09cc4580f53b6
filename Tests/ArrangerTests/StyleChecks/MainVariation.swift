import Foundation
import MusicCore
import StyleEngine

/// How much one main section varies over eight bars on a held chord (C major 7, the chord
/// styles are written on, so only the pattern can change a bar): per part, how many of the
/// eight bars differ from each other (notes, timing as written, velocity); in the drums, the
/// spread of velocities and of humanized timing. A part that repeats one bar eight times is
/// a loop; a band plays phrases.
struct MainVariation: Sendable {
    var section: SectionID.MainVariation
    /// Distinct bars among the first eight of the section, per part that plays in it.
    var distinctBars: [PartID: Int]
    /// Standard deviation of drum hit velocities (humanized, as played).
    var drumVelocitySpread: Double
    /// Standard deviation of how far drum hits land from where they are written, in ms at the
    /// style's tempo (the humanize timing a drummer's hands give).
    var drumTimingSpreadMS: Double
    /// Drum hits measured.
    var drumHits: Int

    static let bars = 8
    static let held = TourProgression(name: "held Cmaj7", chart: "Cmaj7 |")

    /// Every main of `style`, measured from the engine over the held chord: once without
    /// humanize (the bars as written) and once as the style plays.
    static func measure(_ style: Style, file: String) -> [MainVariation] {
        var written = style
        written.humanize = .none
        let plain = StyleTour.play(written, file: file, over: held)
        let played = StyleTour.play(style, file: file, over: held)
        let msPerTick = 60_000 / (style.tempo.bpm * Double(PPQ.standard))
        return SectionID.MainVariation.allCases.map { v in
            let plainNotes = firstBars(of: v, in: plain)
            let playedNotes = firstBars(of: v, in: played)
            var distinct: [PartID: Int] = [:]
            let first = plain.sectionsPlayed.first { $0.id == .main(v) }?.start ?? 0
            for part in Set(plainNotes.map(\.part)) {
                // A bar the part rests in is a bar of its own: a rest answers a phrase too.
                var bars = [[[Int]]](repeating: [], count: Self.bars)
                for n in plainNotes where n.part == part {
                    let i = (n.start - n.inBar - first) / plain.ticksPerBar
                    if bars.indices.contains(i) { bars[i].append([n.inBar, n.key, n.end - n.start, n.velocity]) }
                }
                distinct[part] = Set(bars.map { $0.sorted { $0.lexicographicallyPrecedes($1) } }).count
            }
            let drums: (TourNote) -> Bool = { $0.part.isRhythm || style.parts[$0.part]?.isDrumKit == true }
            let order: (TourNote, TourNote) -> Bool = { ($0.part, $0.key, $0.start) < ($1.part, $1.key, $1.start) }
            let asWritten = plainNotes.filter(drums).sorted(by: order)
            let asPlayed = playedNotes.filter(drums).sorted(by: order)
            var offsets: [Double] = []
            if asWritten.count == asPlayed.count {
                offsets = zip(asWritten, asPlayed).map { Double($1.start - $0.start) * msPerTick }
            }
            return MainVariation(section: v, distinctBars: distinct,
                                 drumVelocitySpread: deviation(asPlayed.map { Double($0.velocity) }),
                                 drumTimingSpreadMS: deviation(offsets), drumHits: asPlayed.count)
        }
    }

    /// Notes of the first eight bars the tour played of Main `v`.
    static func firstBars(of v: SectionID.MainVariation, in tour: StyleTour) -> [TourNote] {
        guard let start = tour.sectionsPlayed.first(where: { $0.id == .main(v) })?.start else { return [] }
        let end = start + bars * tour.ticksPerBar
        let next = tour.sectionsPlayed.first { $0.start > start }?.start ?? end
        return tour.notes.filter { $0.start >= start && $0.start < min(end, next) && $0.section == .main(v) }
    }

    static func deviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
    }

    /// Whether any part plays more than one distinct bar.
    var isLoop: Bool { (distinctBars.values.max() ?? 0) <= 1 }
}
