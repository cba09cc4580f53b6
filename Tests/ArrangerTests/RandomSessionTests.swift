import AllocationCounting
import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// A small seeded generator so failures repeat.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func randomStyle(_ g: inout SplitMix) -> Style {
    let meters: [Meter] = [.fourFour, .threeFour, .sixEight, Meter(beatsPerBar: 5, beatUnit: 4)!, .twelveEight]
    let feels: [Feel] = [.straight, .shuffle, .swing(0.6, subdivision: 16)]
    var ids = SectionID.all.filter { _ in Int.random(in: 0..<4, using: &g) > 0 }
    if !ids.contains(where: \.isMain) { ids.append(.main(.b)) }
    var style = TestStyles.pop(
        meter: meters.randomElement(using: &g)!, feel: feels.randomElement(using: &g)!,
        humanize: Bool.random(using: &g) ? .none : Humanize(timing: Int.random(in: 0...60, using: &g), velocity: 10),
        chordRetrigger: RetriggerRule.allCases.randomElement(using: &g)!,
        padRetrigger: RetriggerRule.allCases.randomElement(using: &g)!, sections: ids)
    style.name = "random-\(g.next() % 1000)"
    return style
}

private func randomCommand(_ g: inout SplitMix) -> ArrangerCommand {
    switch Int.random(in: 0..<20, using: &g) {
    case 0, 1: return .start
    case 2: return .stop
    case 3: return .syncStart(Bool.random(using: &g))
    case 4...8:
        if Int.random(in: 0..<5, using: &g) == 0 { return .chord(nil) }
        let bass: PitchClass? = Bool.random(using: &g) ? nil : PitchClass(wrapping: Int.random(in: 0..<12, using: &g))
        return .chord(Chord(root: PitchClass(wrapping: Int.random(in: 0..<12, using: &g)),
                            type: ChordType.allCases.randomElement(using: &g)!, bass: bass))
    case 9, 10: return .section(SectionID.all.randomElement(using: &g)!)
    case 11: return .autoFill(Bool.random(using: &g))
    case 12: return .tempo(Tempo(bpm: Double(Int.random(in: 40...240, using: &g)))!)
    case 13: return .mute(PartID.allCases.randomElement(using: &g)!, Bool.random(using: &g))
    case 14: return .volume(PartID.allCases.randomElement(using: &g)!, UInt7(Int.random(in: 0...127, using: &g))!)
    case 15: return .style(randomStyle(&g))
    case 16: return .panic
    default: return .chord(Chord(root: PitchClass(wrapping: Int.random(in: 0..<12, using: &g)), type: .major))
    }
}

/// Random sessions with random block sizes: notes always pair up, nothing sounds after a
/// stop (commanded or at the end of an ending), and the band falls silent at the end.
@Test(arguments: 0..<40)
func randomSessionsNeverLeaveANoteSounding(session: Int) {
    var g = SplitMix(state: UInt64(session) &* 7919 &+ 17)
    var h = Harness(style: randomStyle(&g), sampleRate: [44_100, 48_000, 22_050].randomElement(using: &g)!,
                    seed: g.next())
    for _ in 0..<60 {
        let blocks = (0..<3).map { _ in [1, 17, 64, 64, 64, 128, 441, 1024].randomElement(using: &g)! }
        h.run(Int.random(in: 0...40_000, using: &g), blocks: blocks)
        h.send(randomCommand(&g))
    }
    h.run(5_000)
    h.send(.stop)
    h.run(2_000)

    // Walk the events; at every stop notice nothing may still sound.
    var sounding = Set<[Int]>()
    var events = h.render.events[...]
    for stop in h.render.notices where stop.value == .stopped(frame: stop.value.frame) {
        while let e = events.first, e.sample <= stop.sample {
            events = events.dropFirst()
            guard let ch = e.value.event.channel?.intValue, let key = e.value.event.key else { continue }
            if e.value.event.isNoteOn {
                #expect(!sounding.contains([ch, key]), "second note-on \(ch) \(key) at \(e.sample)")
                sounding.insert([ch, key])
            } else if e.value.event.isNoteOff {
                #expect(sounding.remove([ch, key]) != nil, "note-off without note-on \(ch) \(key) at \(e.sample)")
            }
        }
        #expect(sounding.isEmpty, "still sounding after stop at \(stop.sample): \(sounding)")
    }
    #expect(checkPairing(h.render.events).isEmpty)
    #expect(!h.engine.status.isRunning)
    #expect(h.engine.sounding.isEmpty)
}

/// The steady state reuses its storage: the sounding-note table, note maps, cursors and
/// the command queue keep their buffers through chord changes, sections and tempo changes.
@Test func steadyStateKeepsItsStorage() {
    var engine = ArrangerEngine(style: TestStyles.pop(humanize: Humanize(timing: 20, velocity: 5)), sampleRate: 48_000)
    engine.send(.chord(Chord(root: .c, type: .major7)))
    engine.send(.start)
    var count = 0
    engine.advance(frames: 64, emit: { _ in count += 1 }, notify: { _ in })
    func identities(_ e: ArrangerEngine) -> [UnsafeRawPointer?] {
        let s = e.sounding.storageIdentity
        return [s.0, s.1,
                e.cursors.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                e.delayed.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                e.scratch.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                e.maps.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }]
    }
    let before = identities(engine)
    let commandCapacity = engine.commands.capacity
    var g = SplitMix(state: 3)
    for block in 0..<20_000 {
        if block % 50 == 0 {
            engine.send(.chord(Chord(root: PitchClass(wrapping: Int.random(in: 0..<12, using: &g)),
                                     type: ChordType.allCases.randomElement(using: &g)!)))
        }
        if block % 700 == 0 { engine.send(.section(.main(SectionID.MainVariation.allCases.randomElement(using: &g)!))) }
        if block % 900 == 0 { engine.send(.tempo(Tempo(bpm: Double(Int.random(in: 60...180, using: &g)))!)) }
        engine.advance(frames: 64, emit: { _ in count += 1 }, notify: { _ in })
    }
    #expect(count > 1_000)
    #expect(identities(engine) == before)
    #expect(engine.commands.capacity == commandCapacity)
}

/// The steady-state `advance` (notes, bar lines, chord changes, section changes, tempo
/// changes, mute) makes no heap allocation. Counted with a stand-in malloc on this thread.
@Test func steadyStateAdvanceDoesNotAllocate() throws {
    let probe = AllocationCounter.count { allocationProbe.append(AllocationProbe()) }
    try #require(probe != -1, "skipped: no allocation counter on this platform")
    try #require(probe > 0, "the allocation counter sees nothing; its zero would mean nothing")
    var engine = ArrangerEngine(style: TestStyles.pop(humanize: Humanize(timing: 20, velocity: 5)), sampleRate: 48_000)
    var events = 0
    let emit: (BandEvent) -> Void = { _ in events += 1 }
    let notify: (ArrangerNotice) -> Void = { _ in }
    engine.send(.chord(Chord(root: .c, type: .major7)))
    engine.send(.start)
    for _ in 0..<20_000 { engine.advance(frames: 64, emit: emit, notify: notify) }  // every section once
    let chords = ChordType.allCases.map { Chord(root: PitchClass(wrapping: $0.rawValue * 5), type: $0) }
    let allocations = AllocationCounter.count {
        for block in 0..<30_000 {
            if block % 40 == 0 { engine.send(.chord(chords[(block / 40) % chords.count])) }
            if block % 1_500 == 0 { engine.send(.section(.main(SectionID.MainVariation(rawValue: (block / 1_500) % 4)!))) }
            if block % 2_100 == 0 { engine.send(.tempo(Tempo(bpm: Double(90 + block % 60))!)) }
            if block % 2_900 == 0 { engine.send(.mute(.pad, block % 5_800 == 0)) }
            if block % 3_700 == 0 { engine.send(.chord(nil)) }
            engine.advance(frames: 64, emit: emit, notify: notify)
        }
    }
    #expect(events > 1_000)
    #expect(allocations == 0)
}

final class AllocationProbe: Sendable {}
nonisolated(unsafe) var allocationProbe: [AllocationProbe] = []

/// A style prepared elsewhere changes in without allocating, and the old one comes back
/// to the caller to free.
@Test func preparedStyleChangeDoesNotAllocate() throws {
    let probe = AllocationCounter.count { allocationProbe.append(AllocationProbe()) }
    try #require(probe > 0, "skipped: no allocation counter on this platform")
    var engine = ArrangerEngine(style: TestStyles.pop(), sampleRate: 48_000)
    var events: [BandEvent] = []
    events.reserveCapacity(100_000)
    engine.send(.chord(Chord(root: .g, type: .dominant7)))
    engine.send(.start)
    for _ in 0..<4_000 { engine.advance(frames: 64, emit: { events.append($0) }, notify: { _ in }) }
    var next = PreparedStyle(TestStyles.pop(meter: .threeFour, feel: .shuffle))
    // Round 0 warms up: the first swap in a process instantiates runtime type metadata
    // once (a one-time cost of the Swift runtime, not of the engine).
    for round in 0..<4 {
        let allocations = AllocationCounter.count {
            engine.changeStyle(to: next)
            for _ in 0..<4_000 { engine.advance(frames: 64, emit: { events.append($0) }, notify: { _ in }) }
        }
        if round > 0 { #expect(allocations == 0, "round \(round)") }
        #expect(engine.compiled.style.meter == (round % 2 == 0 ? .threeFour : .fourFour))
        let retired = engine.takeRetiredStyle()
        #expect(retired != nil)
        if let retired { next = retired }
    }
    engine.send(.stop)
    engine.advance(frames: 64, emit: { events.append($0) }, notify: { _ in })
    #expect(checkPairing(events.map { Stamped(sample: 0, value: $0) }).isEmpty)
}
