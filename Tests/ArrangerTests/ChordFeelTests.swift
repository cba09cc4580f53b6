import MusicCore
import StyleEngine
import Testing

@testable import Arranger

// Golden edges of the late-chord window (40 ms) and the anticipation (an eighth note), through
// the engine on its sample clock: 4/4 at 120 BPM, 48 kHz, so a bar is 96 000 samples, a beat
// 24 000, a tick 50 and a millisecond 48.
private let bar = 96_000
private let ms = 48
private let c = Chord(root: .c, type: .major7)
private let f = Chord(root: .f, type: .major7)

/// The pop test style on C, then F arriving `lateMs` after the second bar line.
private func lateChord(_ lateMs: Int, feel: ChordFeel = ChordFeel()) -> Render {
    var h = Harness(style: TestStyles.pop())
    h.engine.feel = feel
    h.send(.chord(c))
    h.send(.start)
    h.at(bar + lateMs * ms, .chord(f))
    h.run(bar)
    checkPairing(h.render.events)
    return h.render
}

private func ons(_ r: Render, _ part: PartID, from: Int, to: Int) -> [Stamped<BandEvent>] {
    r.noteOns(part: part).filter { $0.sample >= from && $0.sample < to }
}

private func offs(_ r: Render, _ part: PartID, from: Int, to: Int) -> [Stamped<BandEvent>] {
    r.events.filter { $0.value.part == part && $0.value.event.isNoteOff && $0.sample >= from && $0.sample < to }
}

@Test(arguments: [39, 40])
func aChordInsideTheLateWindowRepitchesTheBeatsNotes(lateMs: Int) {
    let r = lateChord(lateMs)
    let at = bar + lateMs * ms
    // The bass (rule: stop) is not cut off: its C becomes F on the same frame, same velocity.
    let bass = ons(r, .bass, from: bar, to: bar + bar / 2)
    #expect(bass.map(\.sample) == [bar, at])
    #expect(bass.last.map { $0.value.event.key! % 12 } == 5)
    #expect(offs(r, .bass, from: at, to: at + 1).count == 1)
    // No key of any part is struck twice: only pitches the new chord changes start again.
    for part in [PartID.chord1, .pad, .bass] {
        let early = Set(ons(r, part, from: bar, to: bar + 1).map { $0.value.event.key! })
        let again = ons(r, part, from: at, to: at + 1).map { $0.value.event.key! }
        #expect(again.allSatisfy { !early.contains($0) }, "\(part) struck \(again) twice")
        #expect(ons(r, part, from: at, to: at + 1).allSatisfy { $0.value.event.velocity == ons(r, part, from: bar, to: bar + 1).first?.value.event.velocity })
    }
}

@Test func aChordJustOutsideTheLateWindowFollowsTheRetriggerRule() {
    let r = lateChord(41)
    let at = bar + 41 * ms
    // Bass (stop): cut off, silent until its next written note on beat 3.
    #expect(ons(r, .bass, from: bar, to: bar + bar / 2 + 1).map(\.sample) == [bar, bar + bar / 2])
    #expect(offs(r, .bass, from: at, to: at + 1).count == 1)
    // Pad (retrigger): struck again.
    #expect(ons(r, .pad, from: at, to: at + 1).count == 1)
}

@Test func theEngineIsStrictUnlessTold() {
    #expect(ArrangerEngine(style: TestStyles.pop(), sampleRate: 48_000).feel == .strict)
}

@Test func aZeroWindowIsTheStrictRule() {
    let r = lateChord(10, feel: .strict)
    #expect(ons(r, .bass, from: bar, to: bar + bar / 2).map(\.sample) == [bar])
}

/// F played `ticksEarly` ticks (50 samples each) before the second bar line.
private func earlyChord(_ ticksEarly: Int, feel: ChordFeel = ChordFeel()) -> Render {
    var h = Harness(style: TestStyles.pop())
    h.engine.feel = feel
    h.send(.chord(c))
    h.send(.start)
    h.at(bar - ticksEarly * 50, .chord(f))
    h.run(bar + bar / 2)
    checkPairing(h.render.events)
    return h.render
}

private func chordChanges(_ r: Render) -> [Int] {
    r.notices.compactMap { n -> Int? in
        if case .chordChanged(let ch, _) = n.value, ch == f { return n.sample }
        return nil
    }
}

@Test(arguments: [1, 120, 240])
func aChordJustInsideTheAnticipationChangesTheBandOnTheBarLine(ticksEarly: Int) {
    let r = earlyChord(ticksEarly)
    #expect(chordChanges(r) == [bar])
    // Nothing moves before the bar line; the bar's bass lands on F.
    #expect(ons(r, .pad, from: bar - ticksEarly * 50, to: bar).isEmpty)
    #expect(ons(r, .bass, from: bar, to: bar + 1).map { $0.value.event.key! % 12 } == [5])
}

@Test func aChordJustOutsideTheAnticipationChangesTheBandAtOnce() {
    let at = bar - 241 * 50
    let r = earlyChord(241)
    #expect(chordChanges(r) == [at])
    #expect(ons(r, .pad, from: at, to: at + 1).count == 1)
}

@Test func noAnticipationChangesTheBandAtOnce() {
    let r = earlyChord(100, feel: ChordFeel(lateWindowMilliseconds: 40, anticipation: 0))
    #expect(chordChanges(r) == [bar - 100 * 50])
}

@Test func aChordBeforeTheMiddleOfTheBarWaitsForBeatThree() {
    var h = Harness(style: TestStyles.pop())
    h.engine.feel = ChordFeel()
    h.send(.chord(c))
    h.send(.start)
    h.at(bar + bar / 2 - 100 * 50, .chord(f))
    h.run(bar)
    #expect(chordChanges(h.render) == [bar + bar / 2])
    #expect(ons(h.render, .bass, from: bar + bar / 2, to: bar + bar / 2 + 1).map { $0.value.event.key! % 12 } == [5])
}

extension MIDIEvent {
    fileprivate var velocity: Int? {
        if case .noteOn(_, _, let v) = self { return v.intValue }
        return nil
    }
}
