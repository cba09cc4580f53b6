import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import Practice

/// In a chart the band knows the next chord: a walking bass leads into it on the last beat
/// before each change and lands on its root (or slash bass) on the change. Medium swing walks
/// in Main B, C and D (and on the last bar of Main A's two).
@Suite struct WalkingApproachTests {
    let beat = Meter.fourFour.ticksPerBeat()
    /// ii-V-I with a bar of two changes, and a slash chord.
    let chart = "Dm7 | G7 | Cmaj7 | Cmaj7 | Em7 A7 | Dm7 G7 | Cmaj7 | A7/C# |"

    /// Every change: the last bass note in the beat before it, and the first on it.
    func approaches(_ band: ChartBand) -> [(change: Tick, chord: Chord, last: ChartBand.Note?, first: ChartBand.Note?)] {
        let bass = band.notes(.bass)
        return band.changes.dropFirst().compactMap { change in
            guard let chord = change.chord else { return nil }
            let last = bass.last { $0.tick >= change.tick - beat && $0.tick < change.tick }
            let first = bass.first { $0.tick >= change.tick && $0.tick < change.tick + beat / 4 }
            return (change.tick, chord, last, first)
        }
    }

    static func isApproach(_ key: Int, to chord: Chord) -> Bool {
        [1, 11, 2, 10, 7].contains(ChartBand.interval(key, above: chord.bass))
    }

    @Test(arguments: [SectionID.MainVariation.b, .c, .d])
    func theWalkLeadsIntoEveryChangeAndLandsOnItsBass(main: SectionID.MainVariation) throws {
        let band = try ChartBand(chart: chart, style: try ChartBand.style("medium-swing"), choruses: 2, main: main)
        let changes = approaches(band)
        #expect(changes.count >= 14)
        for c in changes {
            let last = try #require(c.last, "no bass note in the beat before \(c.chord) at \(c.change)")
            #expect(Self.isApproach(last.key, to: c.chord), "at \(c.change): \(last.key) does not lead into \(c.chord)")
            let first = try #require(c.first, "no bass note on \(c.chord) at \(c.change)")
            #expect(ChartBand.interval(first.key, above: c.chord.bass) == 0, "at \(c.change): \(first.key) for \(c.chord)")
            // By step or a fifth: no leap of more than a fifth into the landing.
            #expect(abs(first.key - last.key) <= 7, "at \(c.change): \(last.key) to \(first.key)")
        }
        // The slash chord lands on its bass, C#.
        let slash = try #require(changes.first { $0.chord.bass == .cSharp })
        #expect(slash.first.map { $0.key % 12 } == 1)
        #expect(band.openNotes == 0)
    }

    @Test func withoutTheNextChordTheLineIsAsWritten() throws {
        // A live left hand gives no next chord: the beat before a change plays the written
        // line, which in this progression leads into far fewer of the changes.
        let style = try ChartBand.style("medium-swing")
        let known = try ChartBand(chart: chart, style: style, choruses: 2, main: .c)
        let unknown = try ChartBand(chart: chart, style: style, choruses: 2, main: .c, knowsNext: false)
        func led(_ band: ChartBand) -> Int {
            approaches(band).filter { c in c.last.map { Self.isApproach($0.key, to: c.chord) } ?? false }.count
        }
        #expect(led(known) == approaches(known).count)
        #expect(led(unknown) < led(known))
        // Only the approach notes differ: every other bass note is the same.
        let a = Set(known.notes(.bass).map(\.tick)), b = Set(unknown.notes(.bass).map(\.tick))
        #expect(a == b)
    }

    @Test func aBassThatDoesNotWalkIsLeftAlone() throws {
        // Up-tempo swing's Main A holds half notes: nothing starts in a change's last beat.
        let style = try ChartBand.style("up-tempo-swing")
        let known = try ChartBand(chart: chart, style: style, choruses: 1, main: .a)
        let unknown = try ChartBand(chart: chart, style: style, choruses: 1, main: .a, knowsNext: false)
        #expect(known.notes(.bass) == unknown.notes(.bass))
    }

    @Test func theConductorSaysWhatComesNextAndWhen() throws {
        let style = try ChartBand.style("medium-swing")
        let plan = try PracticePlan(chart: try ChordChart.parse("Dm7 | G7 | Cmaj7 C7 | Cmaj7 |"), settings: PracticeSettings(), tempo: ChartBand.tempo)
        var conductor = try PracticeConductor(plan: plan, style: style)
        conductor.started(with: conductor.firstChord)
        let bar = Meter.fourFour.ticksPerBar()
        var all: [(Tick, ArrangerCommand)] = []
        for b in try plan.bars() {
            for (offset, cue) in conductor.cues(for: b) {
                if case .command(let c) = cue, case .nextChord = c { all.append((b.index * bar + offset, c)) }
            }
        }
        let g7 = Chord(root: .g, type: .dominant7), cmaj7 = Chord(root: .c, type: .major7), c7 = Chord(root: .c, type: .dominant7)
        // At each bar's start and after each change; the last bar has nothing after it.
        #expect(all.map(\.0) == [0, bar, 2 * bar, 2 * bar + bar / 2])
        #expect(all[0].1 == .nextChord(g7, inTicks: bar))
        #expect(all[1].1 == .nextChord(cmaj7, inTicks: bar))
        #expect(all[2].1 == .nextChord(c7, inTicks: bar / 2))
        #expect(all[3].1 == .nextChord(cmaj7, inTicks: bar / 2))
    }
}
