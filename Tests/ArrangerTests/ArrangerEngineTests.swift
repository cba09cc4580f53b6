import MusicCore
import StyleEngine
import Testing

@testable import Arranger

private let barSamples = 96_000  // 4/4 at 120 BPM, 48 kHz
private let c = Chord(root: .c, type: .major7)

/// The sections whose marker cymbal played, bar by bar.
private func sectionsPlayed(_ r: Render) -> [SectionID] {
    r.noteOns(part: .rhythm1).compactMap { TestStyles.section(ofMarker: $0.value.event.key!) }
}

@Test func introThenMainThroughTheEngine() {
    var h = Harness(style: TestStyles.pop())
    h.send(.section(.intro(2)))  // starts when stopped
    h.run(barSamples * 5)
    #expect(sectionsPlayed(h.render) == [.intro(2), .intro(2), .main(.a), .main(.a), .main(.a)])
    let started = h.render.notices.compactMap { n -> SectionID? in
        if case .sectionStarted(let s, _) = n.value { return s }
        return nil
    }
    #expect(started == [.intro(2), .main(.a)])
    let bars = h.render.notices.compactMap { n -> Int? in
        if case .bar(let b, _) = n.value { return b }
        return nil
    }
    #expect(bars == [0, 1, 2, 3, 4])
}

@Test func mainChangeGoesThroughTheFillAtTheNextBarLine() {
    var h = Harness(style: TestStyles.pop())
    h.send(.start)
    h.at(barSamples / 3, .section(.main(.b)))
    h.run(barSamples * 3)
    #expect(sectionsPlayed(h.render).prefix(3) == [.main(.a), .fill(.a), .main(.b)])
    let fillMarker = h.render.noteOns(part: .rhythm1).first { $0.value.event.key == TestStyles.marker(.fill(.a)) }
    #expect(fillMarker?.sample == barSamples)
}

@Test func endingStopsTheBandWithNothingSounding() {
    var h = Harness(style: TestStyles.pop())
    h.send(.chord(c))
    h.send(.start)
    h.at(barSamples / 2, .section(.ending(2)))
    h.run(barSamples * 5)
    #expect(sectionsPlayed(h.render) == [.main(.a), .ending(2), .ending(2)])
    let stop = h.render.notices.first { if case .stopped = $0.value { return true } else { return false } }
    #expect(stop?.sample == barSamples * 3)
    #expect(checkPairing(h.render.events).isEmpty)
    #expect(!h.engine.status.isRunning)
}

@Test func syncStartWaitsForTheFirstChord() {
    var h = Harness(style: TestStyles.pop())
    h.send(.syncStart(true))
    h.send(.section(.intro(1)))
    h.run(10_000)
    #expect(h.render.events.isEmpty)
    #expect(h.engine.status.isSyncStartArmed)
    h.at(20_000, .chord(Chord(root: .f, type: .major)))
    h.run(barSamples)
    #expect(h.render.noteOns.first?.sample == 20_000)
    #expect(sectionsPlayed(h.render) == [.intro(1)])
    // The chord reached the very first bass note: F.
    #expect(h.render.keys(part: .bass, at: 20_000) == [41])
}

@Test func noChordPlaysOnlyRhythm() {
    var h = Harness(style: TestStyles.pop())
    h.send(.start)
    h.run(barSamples)
    #expect(!h.render.noteOns.isEmpty)
    #expect(h.render.noteOns.allSatisfy { $0.value.part?.isRhythm == true })
    h.send(.chord(c))
    h.run(barSamples)
    #expect(h.render.noteOns.contains { $0.value.part == .bass })
    let cancelAt = h.sample + 100
    h.at(cancelAt, .chord(nil))
    h.run(barSamples)
    let after = h.render.events.filter { $0.sample >= cancelAt }
    #expect(after.filter { $0.value.event.isNoteOn }.allSatisfy { $0.value.part?.isRhythm == true })
    // Every non-rhythm note ended right at the cancel.
    let nonRhythmOffs = after.filter { $0.value.event.isNoteOff && $0.value.part?.isRhythm == false }
    #expect(!nonRhythmOffs.isEmpty)
    #expect(nonRhythmOffs.allSatisfy { $0.sample == cancelAt })
    checkPairing(h.render.events)
}

@Test func aNewChordReachesTheVeryNextNote() {
    var h = Harness(style: TestStyles.pop())
    h.send(.chord(c))
    h.send(.start)
    // One sample before beat 3 (the bass's second note, written G), change to E minor.
    h.at(barSamples / 2 - 1, .chord(Chord(root: .e, type: .minor)))
    h.run(barSamples)
    // The first bass note on a new chord lands on its bass note (E), not the written fifth.
    #expect(h.render.keys(part: .bass, at: barSamples / 2) == [52])
    // The chord part (root fixed, C E G B from C4) plays E minor's tones near the written keys.
    #expect(h.render.keys(part: .chord1, at: barSamples) == [59, 64, 67, 71])
}

@Test(arguments: RetriggerRule.allCases)
func chordChangeUnderASoundingNote(rule: RetriggerRule) {
    var h = Harness(style: TestStyles.sustained(rule: rule))
    h.send(.chord(Chord(root: .c, type: .major)))
    h.send(.start)
    let change = 30_000
    h.at(change, .chord(Chord(root: .c, type: .minor)))
    h.run(96_000 - change + 1)
    let at = h.render.events.filter { $0.sample == change && $0.value.part == .chord1 }
    let offs = at.filter { $0.value.event.isNoteOff }.compactMap { $0.value.event.key }.sorted()
    let ons = at.filter { $0.value.event.isNoteOn }.compactMap { $0.value.event.key }.sorted()
    switch rule {
    case .stop:
        #expect(offs == [60, 64, 67])
        #expect(ons == [])
    case .pitchShift:
        #expect(offs == [64])
        #expect(ons == [63])
    case .pitchShiftToRoot:
        #expect(offs == [64, 67])
        #expect(ons == [72])  // C4 already sounds: E4 joins it; G4 moves up to C5
    case .retrigger, .noteGenerator:
        #expect(offs == [60, 64, 67])
        #expect(ons == [60, 63, 67])
    case .retriggerToRoot:
        #expect(offs == [60, 64, 67])
        #expect(ons == [60, 72])  // one C4 for both C4 and E4
    }
    // Rhythm is untouched by chord changes.
    #expect(!h.render.events.contains { $0.sample == change && $0.value.part == .rhythm1 })
    // Restarted notes end where the written note ends (the bar line, sample 96000).
    let restartedOffs = h.render.events.filter {
        $0.value.part == .chord1 && $0.value.event.isNoteOff && ons.contains($0.value.event.key!) && $0.sample > change
    }
    #expect(restartedOffs.map(\.sample) == ons.map { _ in 96_000 })
    h.send(.stop)
    h.run(64)
    #expect(checkPairing(h.render.events).isEmpty)
}

@Test func noteRestartedJustBeforeItsEndIsOnlyEnded() {
    var h = Harness(style: TestStyles.sustained(rule: .retrigger))
    h.send(.chord(Chord(root: .c, type: .major)))
    h.send(.start)
    // 100 samples (8 ticks) before the bar line: the notes end, no blip starts.
    h.at(96_000 - 100, .chord(Chord(root: .a, type: .minor)))
    h.run(200)
    let near = h.render.events.filter { $0.sample == 96_000 - 100 && $0.value.part == .chord1 }
    #expect(near.filter { $0.value.event.isNoteOff }.count == 3)
    #expect(near.filter { $0.value.event.isNoteOn }.isEmpty)
    #expect(h.render.keys(part: .chord1, at: 96_000) == [57, 60, 64])  // A minor, under the high key
}

@Test func muteEndsThePartAndVolumeIsSentAtOnce() {
    var h = Harness(style: TestStyles.pop())
    h.send(.chord(c))
    h.send(.start)
    h.at(1_000, .mute(.chord1, true))
    h.run(barSamples)
    let chordEvents = h.render.events.filter { $0.value.part == .chord1 }
    #expect(chordEvents.filter { $0.value.event.isNoteOn }.map(\.sample) == [0, 0, 0, 0])
    #expect(chordEvents.filter { $0.value.event.isNoteOff }.map(\.sample) == [1_000, 1_000, 1_000, 1_000])
    h.at(barSamples + 2_000, .mute(.chord1, false))
    h.send(.volume(.bass, 33))
    h.run(barSamples)
    let volume = h.render.events.filter { if case .controlChange(_, 7, _) = $0.value.event { return true } else { return false } }
    #expect(volume.map(\.sample) == [barSamples + 2_000])
    #expect(volume.first?.value.event == .controlChange(channel: PartID.bass.channel, controller: 7, value: 33))
    #expect(h.render.noteOns(part: .chord1).filter { $0.sample > barSamples }.map(\.sample) == [192_000, 192_000, 192_000, 192_000])
    checkPairing(h.render.events)
}

@Test func styleChangeWaitsForTheBarLine() {
    var h = Harness(style: TestStyles.pop())
    h.send(.chord(c))
    h.send(.start)
    var other = TestStyles.sustained(rule: .stop)
    other.name = "other"
    h.at(10_000, .style(other))
    h.run(barSamples * 2)
    // Old style until the bar line, then all notes end and the new setup goes out.
    let setup = h.render.events.filter { if case .programChange = $0.value.event { return true } else { return false } }
    #expect(!setup.isEmpty && setup.allSatisfy { $0.sample == barSamples })
    // The sustained style plays only at bar starts.
    #expect(h.render.noteOns.filter { $0.sample > barSamples && $0.sample < 2 * barSamples }.isEmpty)
    #expect(h.render.keys(part: .chord1, at: barSamples) == [60, 64, 67])
    #expect(h.engine.status.styleName == "other")
    checkPairing(h.render.events)
}

@Test func panicEndsEverythingAndKeepsPlaying() {
    var h = Harness(style: TestStyles.pop())
    h.send(.chord(c))
    h.send(.start)
    h.at(5_000, .panic)
    h.run(barSamples)
    let at = h.render.events.filter { $0.sample == 5_000 }
    #expect(at.filter { if case .controlChange(_, 123, _) = $0.value.event { return true } else { return false } }.count == 8)
    #expect(checkPairing(h.render.events.filter { $0.sample <= 5_000 }).isEmpty)
    #expect(h.render.noteOns.contains { $0.sample > 5_000 })
    #expect(h.engine.status.isRunning)
}

@Test func stopEndsEveryNoteAtOnce() {
    var h = Harness(style: TestStyles.pop())
    h.send(.chord(c))
    h.send(.start)
    h.at(30_000, .stop)
    h.run(barSamples)
    #expect(checkPairing(h.render.events).isEmpty)
    #expect(h.render.events.filter { $0.sample > 30_000 }.isEmpty)
    #expect(h.render.notices.last?.value == .stopped(frame: 0))
}

@Test func setupEventsCoverEveryPart() {
    let engine = ArrangerEngine(style: TestStyles.pop(), sampleRate: 48_000)
    let events = engine.setupEvents()
    for part in PartID.allCases {
        #expect(events.contains(.programChange(channel: part.channel, program: UInt7(part.rawValue)!)))
        #expect(events.contains(.controlChange(channel: part.channel, controller: 123, value: 0)))
    }
}

@Test func statusFollowsTheTransport() {
    var h = Harness(style: TestStyles.pop())
    h.send(.chord(c))
    h.send(.start)
    h.run(barSamples + 24_000 * 2 + 5)
    let s = h.engine.status
    #expect(s.isRunning && s.bar == 1 && s.beat == 2 && s.section == .main(.a) && s.chord == c)
}

/// Keys read one by one give several chords in one block (C E G, then B: C, then Cmaj7);
/// they all act at its frame 0, so only the last one sounds: no voice starts only to be
/// ended at once, and sync start still starts on the first of them.
@Test func chordsQueuedForOneBlockSoundOnlyTheLast() {
    var h = Harness(style: TestStyles.pop())
    h.send(.chord(c))
    h.send(.start)
    let change = barSamples / 2 + 37
    h.at(change, .chord(Chord(root: .a, type: .minor)))
    h.send(.chord(Chord(root: .f, type: .major)))
    h.run(barSamples)
    let changes = h.render.notices.filter { if case .chordChanged = $0.value { return $0.sample == change } else { return false } }
    #expect(changes.map(\.value) == [.chordChanged(Chord(root: .f, type: .major), frame: 0)])
    let atChange = h.render.events.filter { $0.sample == change }.map(\.value.event)
    for (i, e) in atChange.enumerated() where e.isNoteOn {
        #expect(!atChange[(i + 1)...].contains { $0.isNoteOff && $0.channel == e.channel && $0.key == e.key })
    }
    checkPairing(h.render.events)

    var s = Harness(style: TestStyles.pop())
    s.send(.syncStart(true))
    s.at(2000, .chord(Chord(root: .a, type: .minor)))
    s.send(.chord(Chord(root: .f, type: .major)))
    s.run(barSamples)
    #expect(s.engine.status.isRunning)
    #expect(s.render.keys(part: .bass, at: 2000) == [41])
}
