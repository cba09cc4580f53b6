import MusicCore
import StyleEngine
import Testing

@testable import Arranger

// A chord played well ahead of a bar line (a clear push) keeps its anticipation in the comping
// parts, while the bass and pad change on the beat; a chord only a little early changes
// everything on the beat. 4/4 at 120 BPM, 48 kHz: a bar is 96 000 samples, a tick 12.5.
private let bar = 96_000
private let c = Chord(root: .c, type: .major7)
private let f = Chord(root: .f, type: .major7)

/// Chord 1 holds C E G B for the whole bar (re-pitched when the chord changes), the bass
/// plays quarters on C, the pad holds C, the drums keep time.
private func comping() -> Style {
    var b = StyleBuilder()
    b.name = "comping"
    let chord = TranspositionRules(table: .chord, rootRule: .fixed, retrigger: .pitchShift)
    let bass = TranspositionRules(table: .bass, rootRule: .transpose(highKey: .fSharp), retrigger: .stop)
    let pad = TranspositionRules(table: .chord, rootRule: .fixed, retrigger: .pitchShift)
    b.section(.main(.a), bars: 1) { parts, length in
        parts[.chord1] = [PatternTrack(rules: chord, notes: [60, 64, 67, 71].map { note(0, length, $0) })]
        parts[.bass] = [PatternTrack(rules: bass, notes: (0..<4).map { note($0 * PPQ.standard, PPQ.standard, 36) })]
        parts[.pad] = [PatternTrack(rules: pad, notes: [note(0, length, 72)])]
        parts[.rhythm1] = [TestStyles.drums(length: length)]
    }
    return b.build()
}

/// F played `samplesEarly` before the second bar line, with the default feel.
private func pushed(_ samplesEarly: Int) -> Render {
    var h = Harness(style: comping())
    h.engine.feel = ChordFeel()
    h.send(.chord(c))
    h.send(.start)
    h.at(bar - samplesEarly, .chord(f))
    h.run(bar + bar / 2)
    _ = checkPairing(h.render.events)  // no key struck twice
    return h.render
}

private func ons(_ r: Render, _ part: PartID, from: Int, to: Int) -> [Int] {
    r.noteOns(part: part).filter { $0.sample >= from && $0.sample < to }.compactMap { $0.value.event.key }
}

/// An eighth note is 12 000 samples; a sixteenth 6 000.
@Test(arguments: [11_900, 9_000, 6_000])
func aClearPushMovesTheCompingAtOnceAndTheBassOnTheBeat(samplesEarly: Int) {
    let r = pushed(samplesEarly)
    let at = bar - samplesEarly
    // Chord 1 moves to F major 7 where the push was played: the keys that change.
    let moved = ons(r, .chord1, from: at, to: at + 64)
    #expect(!moved.isEmpty && moved.allSatisfy { [5, 9, 0, 4].contains($0 % 12) }, "\(moved)")
    // The bass and the pad wait for the bar line, and then play F.
    #expect(ons(r, .bass, from: at, to: bar).isEmpty && ons(r, .pad, from: at, to: bar).isEmpty)
    #expect(ons(r, .bass, from: bar, to: bar + 1).map { $0 % 12 } == [5])
    #expect(ons(r, .pad, from: bar, to: bar + 1).map { $0 % 12 }.allSatisfy { [5, 9, 0, 4].contains($0) })
    // On the bar line chord 1 starts its bar once, on F (no second change under it).
    let onBeat = ons(r, .chord1, from: bar, to: bar + 1)
    #expect(onBeat.count == 4 && onBeat.allSatisfy { [5, 9, 0, 4].contains($0 % 12) })
    #expect(ons(r, .chord1, from: at + 64, to: bar).isEmpty)
}

@Test(arguments: [5_900, 1_000, 12])
func aChordALittleEarlyMovesNothingBeforeTheBeat(samplesEarly: Int) {
    let r = pushed(samplesEarly)
    let at = bar - samplesEarly
    for part in [PartID.chord1, .bass, .pad] {
        #expect(ons(r, part, from: at, to: bar).isEmpty, "\(part)")
    }
    #expect(ons(r, .bass, from: bar, to: bar + 1).map { $0 % 12 } == [5])
}

@Test func aPushReplacedBeforeTheBeatGivesWayToTheLaterChord() {
    let g = Chord(root: .g, type: .dominant7)
    var h = Harness(style: comping())
    h.engine.feel = ChordFeel()
    h.send(.chord(c))
    h.send(.start)
    h.at(bar - 11_000, .chord(f))
    h.at(bar - 2_000, .chord(g))
    h.run(bar / 2 + 11_000)
    _ = checkPairing(h.render.events)
    // On the bar line everything plays G7.
    let g7 = [7, 11, 2, 5]
    #expect(ons(h.render, .bass, from: bar, to: bar + 1).map { $0 % 12 } == [7])
    let chord1 = ons(h.render, .chord1, from: bar, to: bar + 1)
    #expect(!chord1.isEmpty && chord1.allSatisfy { g7.contains($0 % 12) }, "\(chord1)")
}
