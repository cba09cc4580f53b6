import MusicCore
import Testing

@testable import ChordRecognition

@Suite struct ChordSettlerTests {
    /// 10 ms at 48 kHz.
    static let window: Int64 = 480

    func press(_ settler: inout ChordSettler, _ names: String, at time: Int64) -> ChordSettler.Change? {
        var last: ChordSettler.Change?
        for n in notes(names) { if let c = settler.noteOn(n, at: time) { last = c } }
        return last
    }

    @Test func aCompleteChordIsSentAtOnce() {
        var s = ChordSettler(settleWindow: Self.window)
        #expect(s.noteOn(NoteName.parse("C3")!, at: 1000) == nil)
        #expect(s.noteOn(NoteName.parse("E3")!, at: 1100) == nil)
        // The third key completes the triad: sent at its own time, not at the window's end.
        let change = s.noteOn(NoteName.parse("G3")!, at: 1150)
        #expect(change == ChordSettler.Change(time: 1150, reading: chord(.c, .major)))
        // The provisional reading of the first key is gone.
        #expect(s.deadline == nil)
        #expect(s.poll(at: 5000) == nil)
    }

    @Test func aLoneKeyWaitsForTheWindow() {
        var s = ChordSettler(settleWindow: Self.window)
        #expect(s.noteOn(NoteName.parse("C3")!, at: 1000) == nil)
        #expect(s.deadline == 1000 + Self.window)
        #expect(s.poll(at: 1000 + Self.window - 1) == nil)
        #expect(s.poll(at: 1000 + Self.window) == ChordSettler.Change(time: 1000 + Self.window, reading: chord(.c, .onePlusEight)))
        #expect(s.current == Chord(root: .c, type: .onePlusEight))
    }

    @Test func aLateCallerStillGetsTheDeadlineTime() {
        var s = ChordSettler(settleWindow: Self.window)
        _ = s.noteOn(NoteName.parse("C3")!, at: 0)
        _ = s.noteOn(NoteName.parse("G3")!, at: 100)
        // A fifth is provisional too; the window runs from the first key.
        #expect(s.deadline == Self.window)
        #expect(s.poll(at: 10_000) == ChordSettler.Change(time: Self.window, reading: chord(.c, .onePlusFive)))
    }

    @Test func staggeredKeysAfterTheWindowChangeTheChordAgain() {
        var s = ChordSettler(settleWindow: Self.window)
        _ = s.noteOn(NoteName.parse("C3")!, at: 0)
        #expect(s.poll(at: Self.window)?.reading == chord(.c, .onePlusEight))
        #expect(press(&s, "E3 G3", at: 2000)?.reading == chord(.c, .major))
        #expect(press(&s, "Bb3", at: 2100)?.reading == chord(.c, .dominant7))
    }

    @Test func zeroWindowSendsEverythingAtOnce() {
        var s = ChordSettler(settleWindow: 0)
        #expect(s.noteOn(NoteName.parse("C3")!, at: 5)?.reading == chord(.c, .onePlusEight))
        #expect(s.deadline == nil)
    }

    @Test func releasingKeysKeepsTheChord() {
        var s = ChordSettler(settleWindow: Self.window)
        #expect(press(&s, "C3 E3 G3", at: 0)?.reading == chord(.c, .major))
        for n in notes("G3 E3") { s.noteOff(n, at: 500) }
        #expect(s.poll(at: 10_000) == nil)
        s.noteOff(NoteName.parse("C3")!, at: 600)
        #expect(s.keys.isEmpty)
        #expect(s.current == Chord(root: .c, type: .major))
    }

    @Test func anUnrecognisedSetKeepsThePreviousChord() {
        var s = ChordSettler(settleWindow: Self.window)
        _ = press(&s, "C3 E3 G3", at: 0)
        #expect(press(&s, "F#3", at: 100) == nil)
        #expect(s.poll(at: 10_000) == nil)
        #expect(s.current == Chord(root: .c, type: .major))
    }

    @Test func aKeyThatSpoilsAProvisionalReadingDropsIt() {
        var s = ChordSettler(settleWindow: Self.window)
        _ = s.noteOn(NoteName.parse("C3")!, at: 0)
        _ = s.noteOn(NoteName.parse("E3")!, at: 100)
        #expect(s.deadline == nil)
        #expect(s.poll(at: 10_000) == nil)
        #expect(s.noteOn(NoteName.parse("G3")!, at: 20_000)?.reading == chord(.c, .major))
    }

    @Test func theSameChordAgainSendsNothing() {
        var s = ChordSettler(settleWindow: Self.window)
        _ = press(&s, "C3 E3 G3", at: 0)
        for n in notes("C3 E3 G3") { s.noteOff(n, at: 100) }
        #expect(press(&s, "E3 G3 C4", at: 200) == nil)
    }

    @Test func cancelStopsTheChord() {
        var s = ChordSettler(settleWindow: Self.window)
        _ = press(&s, "C3 E3 G3", at: 0)
        for n in notes("C3 E3 G3") { s.noteOff(n, at: 100) }
        #expect(press(&s, "C3 C#3 D3", at: 200) == ChordSettler.Change(time: 200, reading: .cancel))
        #expect(s.current == nil)
        // A second cancel has nothing to stop.
        for n in notes("C3 C#3 D3") { s.noteOff(n, at: 300) }
        #expect(press(&s, "E3 F3 F#3", at: 400) == nil)
    }

    @Test func singleFingerShapesAreCompleteAtTwoKeys() {
        var s = ChordSettler(mode: .singleFinger, settleWindow: Self.window)
        #expect(s.noteOn(NoteName.parse("C4")!, at: 0) == nil)
        #expect(s.noteOn(NoteName.parse("Bb3")!, at: 50)?.reading == chord(.c, .minor))
    }

    @Test func aiFingeredKeepsTheChordForTwoNotes() {
        var s = ChordSettler(mode: .aiFingered, settleWindow: Self.window)
        #expect(press(&s, "C3 E3 G3 Bb3", at: 0)?.reading == chord(.c, .dominant7))
        for n in notes("C3 E3 G3 Bb3") { s.noteOff(n, at: 100) }
        #expect(press(&s, "E3 Bb3", at: 200) == nil)
        #expect(s.poll(at: 10_000) == nil)
        #expect(s.current == Chord(root: .c, type: .dominant7))
    }

    /// Random staggered presses of a chord within the window always end on that chord, and
    /// a complete chord is never reported later than the key that completed it.
    @Test func randomStaggerEndsOnTheChord() {
        var rng = SplitMix(state: 3)
        let recognizer = ChordRecognizer(mode: .fingered)
        for v in Voicings.all(includingRootPositionOnlyInversions: false).shuffled(using: &rng).prefix(3000) {
            var s = ChordSettler(settleWindow: Self.window)
            var time: Int64 = Int64.random(in: 0...100, using: &rng)
            let first = time
            var last: ChordSettler.Change?
            let order = v.notes.shuffled(using: &rng)
            var completedAt: Int64?
            var held: [UInt7] = []
            for n in order {
                if !held.isEmpty { time += Int64.random(in: 0...100, using: &rng) }
                held.append(n)
                // The caller polls before feeding a later event.
                if let c = s.poll(at: time) { last = c }
                if let c = s.noteOn(n, at: time) { last = c }
                if completedAt == nil, recognizer.recognize(notes: held) == .chord(v.chord) { completedAt = time }
            }
            if let c = s.poll(at: time + Self.window * 2) { last = c }
            #expect(s.current == v.chord, "\(v)")
            if let last, let completedAt { #expect(last.time <= max(completedAt, first + Self.window), "\(v)") }
        }
    }
}
