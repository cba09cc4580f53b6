import AllocationCounting
import Arranger
import Foundation
import MusicCore
import StyleEngine

/// The arranger engine's own cost, without synthesis: µs of CPU per bar played and the
/// multiple of real time, for each shipped style and a dense synthetic one, driven in
/// 64-frame blocks at 48 kHz with a chord change every two beats. Also counts heap
/// allocations in the steady state (after the first bars; chord changes included).
final class ProbeBox: Sendable {}
nonisolated(unsafe) var probeSink: [ProbeBox] = { var a: [ProbeBox] = []; a.reserveCapacity(4); return a }()

enum EngineBenchmark {
    static let sampleRate = 48_000
    static let block = 64

    static func run() {
        print("\n== arranger engine (no synthesis; 64-frame blocks, 48 kHz, chord change every 2 beats)")
        // The counter must see an allocation that surely happens, or its zeros mean nothing.
        let probe = AllocationCounter.count { probeSink.append(ProbeBox()) }
        print("  allocation counter check: \(probe) allocation(s) for one object (expect more than 0; -1 = unavailable)")
        for (name, style) in styles() {
            measure(name, style)
        }
    }

    static func styles() -> [(String, Style)] {
        var out: [(String, Style)] = []
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("styles")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.sorted() ?? []
        for file in files where file.hasSuffix(".style") {
            let path = root.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            do {
                out.append((file, try StyleTextFormat.parse(text, fileName: path)))
            } catch {
                print("  \(file): \(error)")
            }
        }
        out.append(("synthetic dense (8 parts, 16ths, 4-note chords)", dense()))
        return out
    }

    /// Every part busy: sixteenth-note drums, bass, 4-note chord stabs on every 8th, pads,
    /// phrases; the worst a real style does and more.
    static func dense() -> Style {
        let tpb = Meter.fourFour.ticksPerBar()
        func track(_ rules: TranspositionRules, step: Int, keys: [Int]) -> PatternTrack {
            var notes: [PatternNote] = []
            var t = 0
            while t < tpb * 2 {
                for k in keys { notes.append(PatternNote(tick: t, duration: step, note: UInt7(k)!, velocity: 90)) }
                t += step
            }
            return PatternTrack(rules: rules, notes: notes)
        }
        let chord = TranspositionRules(table: .chord, rootRule: .fixed, retrigger: .pitchShift)
        let melody = TranspositionRules(table: .melody, rootRule: .transpose(highKey: .fSharp), retrigger: .retrigger)
        let bass = TranspositionRules(table: .bass, rootRule: .transpose(highKey: .fSharp), retrigger: .stop)
        let parts: [PartID: [PatternTrack]] = [
            .rhythm1: [track(.drums, step: 240, keys: [36, 42])], .rhythm2: [track(.drums, step: 480, keys: [38, 46])],
            .bass: [track(bass, step: 480, keys: [36])], .chord1: [track(chord, step: 960, keys: [60, 64, 67, 71])],
            .chord2: [track(chord, step: 480, keys: [72, 76, 79])], .pad: [track(chord, step: tpb, keys: [55, 60, 64])],
            .phrase1: [track(melody, step: 240, keys: [74])], .phrase2: [track(melody, step: 480, keys: [79, 83])],
        ]
        var sections: [SectionID: Section] = [:]
        for v in SectionID.MainVariation.allCases {
            sections[.main(v)] = Section(id: .main(v), length: tpb * 2, parts: parts)
            sections[.fill(v)] = Section(id: .fill(v), length: tpb, parts: parts)
        }
        var setups: [PartID: PartSetup] = [:]
        for p in PartID.allCases { setups[p] = PartSetup(program: 0) }
        return Style(name: "dense", title: "Dense", genre: "test", meter: .fourFour, tempo: Tempo(bpm: 120)!,
                     humanize: Humanize(timing: 10, velocity: 6), parts: setups, sections: sections)
    }

    static func measure(_ name: String, _ style: Style) {
        var engine = ArrangerEngine(style: style, sampleRate: sampleRate, seed: 1)
        let chords: [Chord] = [
            Chord(root: .c, type: .major7), Chord(root: .a, type: .minor7), Chord(root: .d, type: .minor9),
            Chord(root: .g, type: .thirteen), Chord(root: .e, type: .sevenFlat9), Chord(root: .f, type: .major, bass: .a),
        ]
        let (num, den) = style.tempo.samplesPerTick(sampleRate: sampleRate)
        let beatFrames = style.meter.ticksPerBeat() * num / den
        let barFrames = style.meter.ticksPerBar() * num / den
        let bars = 400
        let blocksPerChord = max(1, 2 * beatFrames / block)
        var events = 0
        engine.send(.chord(chords[0]))
        engine.send(.start)
        func play(blocks: Int, from first: Int) {
            for b in first..<(first + blocks) {
                if b % blocksPerChord == 0 { engine.send(.chord(chords[(b / blocksPerChord) % chords.count])) }
                if b % (blocksPerChord * 16) == 0 {
                    engine.send(.section(.main(SectionID.MainVariation.allCases[(b / (blocksPerChord * 16)) % 4])))
                }
                engine.advance(frames: block, emit: { _ in events += 1 }, notify: { _ in })
            }
        }
        // Warm up: the first bars, every chord and section once.
        let warmBlocks = barFrames * 8 / block
        play(blocks: warmBlocks, from: 0)
        events = 0
        let totalBlocks = bars * barFrames / block
        var elapsed: UInt64 = 0
        let allocations = AllocationCounter.count {
            let start = ChordBenchmark.nanoseconds()
            play(blocks: totalBlocks, from: warmBlocks)
            elapsed = ChordBenchmark.nanoseconds() - start
        }
        let seconds = Double(elapsed) / 1e9
        let music = Double(totalBlocks * block) / Double(sampleRate)
        let perBar = seconds * 1e6 / Double(bars)
        let allocText = allocations < 0 ? "n/a" : "\(allocations)"
        let perBlock = seconds * 1e9 / Double(totalBlocks)
        let eventsPerBar = events / bars
        // Blocks timed one by one, on three engines that play the same blocks from the same
        // start: a block's time is its fastest run (what the machine did meanwhile, another
        // process or an interrupt, does not repeat in every run; what the block does does).
        // The median of blocks carrying a chord change (note maps refilled, sounding notes
        // re-pitched), p99.9 and the worst block.
        let first = warmBlocks + totalBlocks
        let timed = bars * barFrames / block / 4
        var best = [UInt64](repeating: .max, count: timed)
        for run in 0..<3 {
            if run > 0 {
                // The same engine again from the start (a copy would share storage until
                // its first block, which would then pay for copying it).
                engine = ArrangerEngine(style: style, sampleRate: sampleRate, seed: 1)
                engine.send(.chord(chords[0]))
                engine.send(.start)
                play(blocks: first, from: 0)
            }
            for k in 0..<timed {
                let t0 = ChordBenchmark.nanoseconds()
                play(blocks: 1, from: first + k)
                best[k] = min(best[k], ChordBenchmark.nanoseconds() - t0)
            }
        }
        var changeTimes: [UInt64] = []
        for k in 0..<timed where (first + k) % blocksPerChord == 0 { changeTimes.append(best[k]) }
        changeTimes.sort()
        let sortedBest = best.sorted()
        let worst = sortedBest.last ?? 0
        let p999 = Double(sortedBest[min(sortedBest.count - 1, Int(Double(sortedBest.count - 1) * 0.999))]) / 1e3
        let changeMedian = changeTimes.isEmpty ? 0 : Double(changeTimes[changeTimes.count / 2]) / 1e3
        let label = name.count < 50 ? name + String(repeating: " ", count: 50 - name.count) : name
        print("  \(label)" + String(format: " %7.1f µs/bar %6.0f ns/block %8.0fx real time %5d events/bar", perBar, perBlock,
                                          music / seconds, eventsPerBar) + String(format: "  chord-change block %5.1f µs (median)  p99.9 %5.1f µs  worst block %5.1f µs", changeMedian, p999, Double(worst) / 1e3)
            + "  steady-state allocations: \(allocText)")
    }
}
