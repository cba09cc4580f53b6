import MusicCore
import Testing

@testable import SidemanDaemon

/// The chord looper on a virtual clock: bar lines every 2 s (120 BPM, 4/4), chords at given seconds.
@Suite struct ChordLooperTests {
    let c = Chord(root: .c, type: .major)
    let f = Chord(root: .f, type: .major)
    let g7 = Chord(root: .g, type: .dominant7)
    let am = Chord(root: .a, type: .minor)

    func record(bars: Int, sounding: Chord?, _ chords: [(Double, Chord)]) -> ChordLooper {
        var looper = ChordLooper(slot: 1, bars: bars, meter: .fourFour, sounding: sounding)
        var events: [(Double, Chord?)] = chords.map { ($0.0, $0.1) }
        for b in 0...bars { events.append((Double(b) * 2, nil)) }
        // Bar lines are marked by a nil chord in this list; chords sort after a bar line at the same time.
        for (t, chord) in events.sorted(by: { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 == nil) }) {
            if let chord { looper.chord(chord, at: t) } else { looper.barLine(at: t) }
        }
        return looper
    }

    @Test func chordsSnapToTheBeatAndOneJustBeforeABarLineCountsInTheNextBar() {
        // C held from before; F 40 ms before bar 2; G7 on beat 3 of bar 3 a little late; Am 30 ms before bar 4.
        let looper = record(bars: 4, sounding: c, [(1.96, f), (5.03, g7), (5.97, am)])
        #expect(looper.isComplete)
        let chart = looper.chart(title: "Loop 1")
        #expect(chart.bars.map { $0.map(\.symbol.text) } == [["C"], ["F"], ["F", "G7"], ["Am"]])
    }

    @Test func aChordOnEveryBeatIsKept() {
        let looper = record(bars: 1, sounding: c, [(0.5, f), (1.0, g7), (1.5, am)])
        #expect(looper.chart(title: "x").bars.map { $0.map(\.symbol.text) } == [["C", "F", "G7", "Am"]])
    }

    @Test func theChartReadsBackAsWritten() throws {
        let chart = record(bars: 2, sounding: c, [(2.0, f)]).chart(title: "Loop 1")
        let again = try ChordChart.parse(chart.text, source: "loop")
        #expect(again.bars == chart.bars && again.title == "Loop 1")
    }

    @Test func nothingIsRecordedBeforeTheFirstBarLineOrAfterTheLast() {
        var looper = ChordLooper(slot: 3, bars: 1, meter: .fourFour, sounding: nil)
        looper.chord(g7, at: -1)  // before the recording: becomes the sounding chord
        #expect(!looper.isRecording)
        looper.barLine(at: 0)
        #expect(looper.isRecording)
        looper.barLine(at: 2)
        looper.chord(am, at: 2.5)
        #expect(looper.isComplete && looper.chords.isEmpty)
        #expect(looper.beats() == [g7, g7, g7, g7])
    }
}
