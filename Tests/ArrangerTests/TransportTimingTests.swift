import MusicCore
import StyleEngine
import Testing

@testable import Arranger

private func kicksAndSnares(_ r: Render) -> [Int] {
    r.noteOns(part: .rhythm1).filter { [36, 38].contains($0.value.event.key!) }.map(\.sample)
}

@Test func notesLandOnExactSamples() {
    // 120 BPM at 48 kHz: 12.5 samples per tick, a beat every 24000 samples.
    var h = Harness(style: TestStyles.pop(), sampleRate: 48_000)
    h.send(.start)
    h.run(48_000 * 4)
    #expect(kicksAndSnares(h.render).prefix(8) == [0, 24_000, 48_000, 72_000, 96_000, 120_000, 144_000, 168_000])
    let hats = h.render.noteOns(part: .rhythm1).filter { $0.value.event.key == 42 }.map(\.sample)
    #expect(hats.prefix(4) == [0, 12_000, 24_000, 36_000])
    // Note-offs: a kick lasts half a beat.
    let kickOff = h.render.events.first { $0.value.event.isNoteOff && $0.value.event.key == 36 }
    #expect(kickOff?.sample == 12_000)
}

@Test func fractionalSamplesPerTickRoundUpWithoutDrift() {
    // 100 BPM at 44.1 kHz: 13.78125 samples per tick; tick t sounds at ceil(t * 13.78125).
    var style = TestStyles.pop()
    style.tempo = Tempo(bpm: 100)!
    var h = Harness(style: style, sampleRate: 44_100)
    h.send(.start)
    h.run(44_100 * 60)  // a minute: 100 beats
    let hats = h.render.noteOns(part: .rhythm1).filter { $0.value.event.key == 42 }.map(\.sample)
    let expected = (0..<hats.count).map { i -> Int in
        let num = 600_000 * 44_100 * i * 960, den = 1_000_000 * 1920
        return (num + den - 1) / den
    }
    #expect(hats.count >= 199)
    #expect(hats == expected)
}

@Test(arguments: [[1], [7], [63], [64], [100], [333], [4096], [5, 64, 1, 999, 17]])
func blockSizeDoesNotChangeEventTimes(blocks: [Int]) {
    func render(_ blocks: [Int]) -> [Stamped<BandEvent>] {
        var h = Harness(style: TestStyles.pop(feel: .shuffle, humanize: Humanize(timing: 30, velocity: 10)),
                        sampleRate: 44_100)
        h.at(0, blocks: blocks, .start)
        h.at(10_000, blocks: blocks, .chord(Chord(root: .d, type: .minor7)))
        h.at(50_000, blocks: blocks, .chord(Chord(root: .g, type: .dominant7)))
        h.at(70_001, blocks: blocks, .section(.main(.b)))
        h.at(90_000, blocks: blocks, .tempo(Tempo(bpm: 93)!))
        h.at(150_017, blocks: blocks, .chord(nil))
        h.at(160_000, blocks: blocks, .stop)
        h.run(2_000, blocks: blocks)
        return h.render.events.map { Stamped(sample: $0.sample, value: BandEvent(frame: 0, part: $0.value.part, event: $0.value.event)) }
    }
    let reference = render([64])
    let other = render(blocks)
    #expect(reference.count > 50)
    #expect(other == reference)
}

@Test(arguments: [(Meter.fourFour, 4 * 1920), (.threeFour, 3 * 1920), (.sixEight, 6 * 960), (Meter(beatsPerBar: 5, beatUnit: 4)!, 5 * 1920), (.twelveEight, 12 * 960)])
func barsFollowTheMeter(meter: Meter, ticksPerBar: Int) {
    var h = Harness(style: TestStyles.pop(meter: meter), sampleRate: 48_000)
    h.send(.start)
    h.run(48_000 * 20)
    let bars = h.render.notices.compactMap { n -> Int? in
        if case .bar = n.value { return n.sample }
        return nil
    }
    #expect(bars.count >= 3)
    // 12.5 samples per tick at 120 BPM.
    for (i, s) in bars.enumerated() { #expect(s == i * ticksPerBar * 25 / 2) }
    // Drum beats follow the meter's beat unit.
    let beat = meter.ticksPerBeat()
    let beats = kicksAndSnares(h.render)
    for (i, s) in beats.prefix(12).enumerated() { #expect(s == i * beat * 25 / 2) }
}

@Test func swingDelaysTheOffbeat() {
    var h = Harness(style: TestStyles.pop(feel: .shuffle), sampleRate: 48_000)
    h.send(.start)
    h.run(48_000)
    let hats = h.render.noteOns(part: .rhythm1).filter { $0.value.event.key == 42 }.map(\.sample)
    // Off-beat eighth moves from tick 960 to 1280 (2/3 of the beat): sample 16000.
    #expect(hats.prefix(4) == [0, 16_000, 24_000, 40_000])
    var light = Harness(style: TestStyles.pop(feel: .swing(0.6)), sampleRate: 48_000)
    light.send(.start)
    light.run(48_000)
    let lightHats = light.render.noteOns(part: .rhythm1).filter { $0.value.event.key == 42 }.map(\.sample)
    #expect(lightHats[1] == 1152 * 25 / 2)
}

@Test func sixteenthSwingMovesOnlyTheOffSixteenths() {
    let swing = Swing(feel: .swing(0.6, subdivision: 16))
    #expect(swing.apply(0) == 0)
    #expect(swing.apply(480) == 576)
    #expect(swing.apply(960) == 960)
    #expect(swing.apply(1440) == 1536)
    #expect(Swing(feel: .straight).apply(480) == 480)
}

@Test func tempoChangeKeepsThePosition() {
    var h = Harness(style: TestStyles.pop(), sampleRate: 48_000)
    h.send(.start)
    // Half-way through beat 1 (tick 960), halve the tempo: beat 2 (tick 1920) is 960 ticks
    // of 25 samples later.
    h.at(12_000, .tempo(Tempo(bpm: 60)!))
    h.run(200_000)
    let beats = kicksAndSnares(h.render)
    let expected: [Int] = [0, 36_000, 84_000, 132_000]
    #expect(Array(beats.prefix(4)) == expected)
    #expect(h.render.notices.contains { $0.value == .tempoChanged(Tempo(bpm: 60)!, frame: 0) && $0.sample == 12_000 })
}

@Test func tempoChangeBetweenTicksKeepsTheFraction() {
    // 120 -> 90 BPM at a sample that is not on a tick: the next beat lands within a sample
    // of its exact time.
    var h = Harness(style: TestStyles.pop(), sampleRate: 48_000)
    h.send(.start)
    h.at(10_001, .tempo(Tempo(bpm: 90)!))
    h.run(100_000)
    let beat2 = kicksAndSnares(h.render)[1]
    // 10001 samples = 800.08 ticks; 1119.92 ticks remain at 50/3 samples per tick.
    let exact = 10_001.0 + (1920.0 - 10_001.0 / 12.5) * (50.0 / 3.0)
    #expect(abs(Double(beat2) - exact) <= 1.0)
}

@Test func humanizeIsRepeatableAndOnlyDelays() {
    func hats(seed: UInt64) -> [Int] {
        var h = Harness(style: TestStyles.pop(humanize: Humanize(timing: 40, velocity: 12)), sampleRate: 48_000, seed: seed)
        h.send(.start)
        h.run(96_000)
        return h.render.noteOns(part: .rhythm1).filter { $0.value.event.key == 42 }.map(\.sample)
    }
    let a = hats(seed: 7), b = hats(seed: 7), c = hats(seed: 8)
    #expect(a == b)
    #expect(a != c)
    for (i, s) in a.enumerated() {
        let nominal = i * 12_000
        #expect(s >= nominal && s <= nominal + 40 * 25 / 2 + 1)
    }
}

@Test func commandsActAtTheStartOfTheBlock() {
    var h = Harness(style: TestStyles.pop(), sampleRate: 48_000)
    h.at(1_000, .start)
    h.run(30_000)
    #expect(kicksAndSnares(h.render).prefix(2) == [1_000, 25_000])
    #expect(h.render.notices.first?.value == .started(frame: 0))
}
