import AllocationCounting
import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// A walking bass and a comping part, for the chart-fed paths: next chords, pushes, approaches.
private func walking() -> Style {
    var b = StyleBuilder()
    b.name = "walking"
    let bass = TranspositionRules(table: .bass, rootRule: .transpose(highKey: .fSharp), lowLimit: 28, highLimit: 55, retrigger: .retriggerToRoot)
    let chord = TranspositionRules(table: .chord, rootRule: .fixed, retrigger: .pitchShift)
    b.section(.main(.a), bars: 1) { parts, length in
        parts[.bass] = [PatternTrack(rules: bass, notes: [36, 40, 43, 45].enumerated().map { note($0.offset * PPQ.standard, PPQ.standard, $0.element) })]
        parts[.chord1] = [PatternTrack(rules: chord, notes: [60, 64, 67, 71].map { note(0, length, $0) })]
        parts[.rhythm1] = [TestStyles.drums(length: length)]
    }
    return b.build()
}

@Test func theWalkingBassStyleWalks() {
    let compiled = CompiledStyle(walking())
    let bass = compiled.section(.main(.a))!.tracks.first { $0.part == .bass }!
    #expect(bass.walks)
    // The pop test style's bass (a root and a fifth a bar) does not.
    let pop = CompiledStyle(TestStyles.pop()).section(.main(.a))!.tracks.first { $0.part == .bass }!
    #expect(!pop.walks)
}

/// Next chords, approaches, pushes (with their drum accents) and clear live pushes make no
/// heap allocation in `advance`.
@Test func leadingIntoChordsDoesNotAllocate() throws {
    let probe = AllocationCounter.count { allocationProbe.append(AllocationProbe()) }
    try #require(probe > 0, "skipped: no allocation counter on this platform")
    var engine = ArrangerEngine(style: walking(), sampleRate: 48_000)
    engine.feel = ChordFeel()
    var events = 0
    // Per channel and key, whether it sounds (storage of its own, filled in place).
    var sounding = [Bool](repeating: false, count: 16 * 128)
    let emit: (BandEvent) -> Void = { e in
        events += 1
        switch e.event {
        case .noteOn(let c, let k, let v) where v.rawValue > 0: sounding[c.intValue * 128 + k.intValue] = true
        case .noteOff(let c, let k, _), .noteOn(let c, let k, _): sounding[c.intValue * 128 + k.intValue] = false
        default: break
        }
    }
    let notify: (ArrangerNotice) -> Void = { _ in }
    let chords = ChordType.allCases.map { Chord(root: PitchClass(wrapping: $0.rawValue * 5), type: $0) }
    engine.send(.chord(chords[0]))
    engine.send(.start)
    for _ in 0..<2_000 { engine.advance(frames: 64, emit: emit, notify: notify) }
    // 120 BPM at 48 kHz: a bar is 1 500 blocks of 64 frames; chords every 375 blocks (a beat),
    // some sent a little ahead of the beat (a live push), some pushed as a chart does.
    let allocations = AllocationCounter.count {
        for block in 0..<30_000 {
            let i = block / 375
            switch block % 375 {
            case 0:
                engine.send(i % 5 == 3 ? .push(chords[i % chords.count]) : .chord(chords[i % chords.count]))
                engine.send(.nextChord(chords[(i + 1) % chords.count], inTicks: PPQ.standard))
            case 250 where i % 3 == 1:  // 800 ticks before the next beat: a clear push when it is strong
                engine.send(.chord(chords[(i + 1) % chords.count]))
            default: break
            }
            engine.advance(frames: 64, emit: emit, notify: notify)
        }
    }
    #expect(events > 1_000)
    #expect(allocations == 0)
    engine.send(.stop)
    engine.advance(frames: 64, emit: emit, notify: notify)
    #expect(!sounding.contains(true))
}
