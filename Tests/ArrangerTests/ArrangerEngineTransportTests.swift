import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// The MIDI clock grid: every multiple of the interval is reported exactly once, on the
/// frame the band's own notes would use, whatever the block sizes and tempo changes.
@Suite struct ArrangerEngineTransportTests {
    /// Runs the engine in blocks of the given sizes (cycled), changing tempo at the given
    /// frames, and returns every grid tick with its absolute frame.
    private func grid(blocks sizes: [Int], frames total: Int, tempoChanges: [Int: Double] = [:]) -> [(Tick, Int)] {
        var engine = ArrangerEngine(style: TestStyles.pop(), sampleRate: 48_000)
        engine.send(.start)
        var out: [(Tick, Int)] = []
        var frame = 0, i = 0
        while frame < total {
            let n = sizes[i % sizes.count]
            if let bpm = tempoChanges.first(where: { $0.key >= frame && $0.key < frame + n })?.value {
                engine.send(.tempo(Tempo(bpm: bpm)!))
            }
            engine.advance(frames: n, emit: { _ in }, notify: { _ in })
            engine.forEachTick(multipleOf: 80, inBlockJustPlayed: n) { out.append(($0, frame + $1)) }
            frame += n
            i += 1
        }
        return out
    }

    @Test func everyPulseOnceAtItsExactFrame() {
        // 120 BPM: 12.5 samples a tick, a pulse (80 ticks) every 1000 samples.
        let pulses = grid(blocks: [64], frames: 48_000)
        #expect(pulses.map(\.0) == Array(stride(from: 0, to: 48 * 80, by: 80)))
        #expect(pulses.map(\.1) == Array(stride(from: 0, to: 48_000, by: 1000)))
    }

    @Test(arguments: [[1], [17], [64], [333], [5, 64, 1, 999, 17]])
    func blockSizesDoNotMoveThePulses(sizes: [Int]) {
        let reference = grid(blocks: [64], frames: 96_000, tempoChanges: [30_000: 97, 70_000: 143])
        let other = grid(blocks: sizes, frames: 96_000, tempoChanges: [30_000: 97, 70_000: 143])
        let n = min(reference.count, other.count)
        #expect(n > 80)
        // Tempo changes land at the start of the block holding their frame, so only the
        // pulses before the first change can be compared frame for frame.
        let before = reference.prefix { $0.1 < 29_000 }.count
        #expect(reference.prefix(before).map(\.1) == other.prefix(before).map(\.1))
        // And the grid stays whole: every multiple of 80, once, in order.
        #expect(other.map(\.0) == Array(stride(from: 0, to: other.count * 80, by: 80)))
    }

    @Test func nothingWhenStopped() {
        var engine = ArrangerEngine(style: TestStyles.pop(), sampleRate: 48_000)
        var count = 0
        engine.advance(frames: 64, emit: { _ in }, notify: { _ in })
        engine.forEachTick(multipleOf: 80, inBlockJustPlayed: 64) { _, _ in count += 1 }
        #expect(count == 0)
    }
}
