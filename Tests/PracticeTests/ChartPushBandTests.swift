import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import Practice

/// A push written in a chart (`^F7`) is played an eighth ahead of its beat by the whole band:
/// the chord parts strike it, the bass moves to it, the drums accent it.
@Suite struct ChartPushBandTests {
    let bar = Meter.fourFour.ticksPerBar()
    let eighth = PPQ.standard / 2
    let c7 = Chord(root: .c, type: .dominant7), f7 = Chord(root: .f, type: .dominant7), g7 = Chord(root: .g, type: .dominant7)
    let chart = "C7 | ^F7 | C7 ^G7 | C7 |"

    @Test func theConductorSendsAPushAnEighthEarly() throws {
        let style = try ChartBand.style("medium-swing")
        let plan = try PracticePlan(chart: try ChordChart.parse(chart), settings: PracticeSettings(), tempo: ChartBand.tempo)
        var conductor = try PracticeConductor(plan: plan, style: style)
        conductor.started(with: conductor.firstChord)
        var all: [(Tick, ArrangerCommand)] = []
        for b in try plan.bars() {
            for (offset, cue) in conductor.cues(for: b) {
                guard case .command(let c) = cue else { continue }
                switch c {
                case .chord, .push: all.append((b.index * bar + offset, c))
                default: break
                }
            }
        }
        // F7 on the bar line: pushed from the bar before. G7 on beat 3: pushed from the "and" of 2.
        #expect(all.map(\.0) == [bar - eighth, 2 * bar, 2 * bar + bar / 2 - eighth, 3 * bar])
        #expect(all.map(\.1) == [.push(f7), .chord(c7), .push(g7), .chord(c7)])
    }

    @Test(arguments: [SectionID.MainVariation.a, .c])
    func theBandPlaysThePush(main: SectionID.MainVariation) throws {
        let band = try ChartBand(chart: chart, style: try ChartBand.style("medium-swing"), choruses: 1, main: main)
        let pushes = [(bar - eighth, f7), (2 * bar + bar / 2 - eighth, g7)]
        for (tick, chord) in pushes {
            #expect(band.chordNotices.contains { $0.tick == tick && $0.chord == chord }, "no \(chord) at \(tick)")
            // The drums accent it: a kick and a crash on rhythm 1.
            let drums = band.notes(.rhythm1).filter { $0.tick == tick }.map(\.key)
            #expect(drums.contains(36) && drums.contains(49), "drums at \(tick): \(drums)")
            // The bass moves to the new root on the push.
            let bass = band.notes(.bass).filter { $0.tick == tick }
            #expect(bass.map { $0.key % 12 } == [chord.root.rawValue], "bass at \(tick): \(bass.map(\.key))")
            // Whatever the chord parts strike from the push to the next beat is the new chord.
            for part in [PartID.chord1, .chord2] {
                for n in band.notes(part) where n.tick >= tick && n.tick < tick + eighth + PPQ.standard {
                    #expect(chord.type.tones.contains(ChartBand.interval(n.key, above: chord.root)) || [2, 9].contains(ChartBand.interval(n.key, above: chord.root)),
                            "\(part) plays \(n.key) on \(chord) at \(n.tick)")
                }
            }
        }
        // No bass note changes on the beat the push anticipated.
        #expect(band.chordNotices.allSatisfy { $0.tick != bar })
        #expect(band.openNotes == 0)
    }

    @Test func aPushOnTheFirstBarPlaysOnTheBeat() throws {
        let band = try ChartBand(chart: "^C7 | F7 |", style: try ChartBand.style("medium-swing"))
        #expect(band.changes.first.map { $0.tick == 0 && $0.chord == c7 } == true)
        #expect(band.openNotes == 0)
    }
}
