import Arranger
import Foundation
import MusicCore
import StyleEngine

/// The left hand a little early or late: human-like performances (each a steady lean of
/// -60…+60 ms plus a seeded jitter of up to ±15 ms) of a one-chord-a-bar progression, played
/// through every shipped style, first with every chord acting the moment it arrives (late
/// window 0, anticipation 0), then with the default `ChordFeel` (40 ms, an eighth note).
///
/// Counted on non-rhythm parts: notes cut off within 50 ms of their start (silenced, not
/// replaced on the same frame); double attacks (a key struck again on its channel within
/// 50 ms); re-pitches (a note replaced on one frame by another pitch within 50 ms, the
/// late-window correction); bass notes on the wrong chord near the bar line (a bass note
/// starting from half a beat before to 60 ms after a bar line, judged by its final pitch,
/// whose pitch class is not in the chord written for that moment).
enum ChordFeelBenchmark {
    static let sampleRate = 48_000
    static let leans = [-60, -40, -20, 0, 20, 40, 60]

    struct Counts {
        var cutOffs = 0, doubleAttacks = 0, repitches = 0, wrongBass = 0, bassNotes = 0, notes = 0
        static func + (a: Counts, b: Counts) -> Counts {
            Counts(cutOffs: a.cutOffs + b.cutOffs, doubleAttacks: a.doubleAttacks + b.doubleAttacks,
                   repitches: a.repitches + b.repitches, wrongBass: a.wrongBass + b.wrongBass,
                   bassNotes: a.bassNotes + b.bassNotes, notes: a.notes + b.notes)
        }
    }

    static func run() {
        print("\n== late and early chords (shipped 4/4 styles, 16 bars, leans -60…+60 ms, jitter ±15 ms)")
        let styles = EngineBenchmark.styles().filter { $0.1.meter == .fourFour && $0.1.name != "dense" }
        var before = Counts(), after = Counts()
        for lean in leans {
            var b = Counts(), a = Counts()
            for (_, style) in styles {
                b = b + measure(style, lean: lean, feel: .strict)
                a = a + measure(style, lean: lean, feel: ChordFeel())
            }
            print("  lean \(String(format: "%+3d", lean)) ms: before  cut-offs \(b.cutOffs), double attacks \(b.doubleAttacks), wrong bass \(b.wrongBass)/\(b.bassNotes), re-pitches \(b.repitches)")
            print("                 after   cut-offs \(a.cutOffs), double attacks \(a.doubleAttacks), wrong bass \(a.wrongBass)/\(a.bassNotes), re-pitches \(a.repitches)")
            before = before + b
            after = after + a
        }
        print("  all (\(styles.count) styles × \(leans.count) leans, \(before.notes) / \(after.notes) band notes):")
        print("    before: cut-offs \(before.cutOffs), double attacks \(before.doubleAttacks), wrong bass \(before.wrongBass)/\(before.bassNotes), re-pitches \(before.repitches)")
        print("    after:  cut-offs \(after.cutOffs), double attacks \(after.doubleAttacks), wrong bass \(after.wrongBass)/\(after.bassNotes), re-pitches \(after.repitches)")
    }

    static func measure(_ style: Style, lean: Int, feel: ChordFeel) -> Counts {
        let chords: [Chord] = [
            Chord(root: .c, type: .major7), Chord(root: .a, type: .minor7), Chord(root: .d, type: .minor7),
            Chord(root: .g, type: .dominant7), Chord(root: .e, type: .minor7), Chord(root: .f, type: .major7),
        ]
        let (num, den) = style.tempo.samplesPerTick(sampleRate: sampleRate)
        let barFrames = style.meter.ticksPerBar() * num / den
        let beatFrames = style.meter.ticksPerBeat() * num / den
        let ms = sampleRate / 1000
        let bars = 16
        // Chord i is played for bar i; the first is on time (it starts the band).
        var rng = UInt64(bitPattern: Int64(lean)) &+ 0x5EED
        var times: [Int] = [0]
        for bar in 1..<bars {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let j1 = Int((rng >> 33) % 16), j2 = Int((rng >> 17) % 16)
            times.append(bar * barFrames + (lean + j1 + j2 - 15) * ms)
        }
        var engine = ArrangerEngine(style: style, sampleRate: sampleRate, seed: 7)
        engine.feel = feel
        engine.send(.section(.main(.a)))
        var events: [(frame: Int, event: BandEvent)] = []
        var frame = 0
        var next = 0
        let end = bars * barFrames
        while frame < end {
            if next < times.count && times[next] <= frame {
                engine.send(.chord(chords[next % chords.count]))
                if next == 0 { engine.send(.start) }
                next += 1
                continue
            }
            var n = min(64, end - frame)
            if next < times.count { n = min(n, times[next] - frame) }
            let base = frame
            engine.advance(frames: n, emit: { events.append((base + $0.frame, $0)) }, notify: { _ in })
            frame += n
        }
        engine.send(.stop)
        engine.advance(frames: 64, emit: { events.append((end + $0.frame, $0)) }, notify: { _ in })

        var counts = Counts()
        let window = 50 * ms
        // Notes per (channel, key): onset; last onset per (channel, key) for double attacks.
        var onset: [Int: Int] = [:], lastOn: [Int: Int] = [:]
        // Bass notes merged across re-pitches: onset and final key.
        var bassOpen: [Int: (start: Int, key: Int)] = [:]
        var bassDone: [(start: Int, key: Int)] = []
        var i = 0
        while i < events.count {
            // All events of one frame together, so a note-off and note-on on one frame pair up.
            var j = i
            while j < events.count && events[j].frame == events[i].frame { j += 1 }
            let f = events[i].frame
            var onsHere: [(Int, BandEvent)] = []
            var offsHere: [(id: Int, start: Int, part: PartID)] = []
            for (_, e) in events[i..<j] {
                guard let part = e.part, !part.isRhythm else { continue }
                switch e.event {
                case .noteOff(let ch, let k, _):
                    let id = ch.intValue * 128 + k.intValue
                    if let s = onset.removeValue(forKey: id) { offsHere.append((id, s, part)) }
                case .noteOn(let ch, let k, _):
                    onsHere.append((ch.intValue * 128 + k.intValue, e))
                default: break
                }
            }
            var bassReplaced: (start: Int, key: Int)?
            for off in offsHere {
                let young = f - off.start < window
                let replaced = onsHere.contains { $0.1.part == off.part }
                if young && replaced { counts.repitches += 1 } else if young && f < end { counts.cutOffs += 1 }
                if off.part == .bass, let b = bassOpen.removeValue(forKey: off.id) {
                    if young && replaced { bassReplaced = b } else { bassDone.append(b) }
                }
            }
            for (id, e) in onsHere {
                counts.notes += 1
                if let last = lastOn[id], f - last < window { counts.doubleAttacks += 1 }
                lastOn[id] = f
                onset[id] = f
                if e.part == .bass { bassOpen[id] = (bassReplaced?.start ?? f, id % 128) }
            }
            i = j
        }
        bassDone += bassOpen.values
        // The chord written for a frame changes exactly on the bar line.
        for b in bassDone {
            let bar = (b.start + beatFrames / 2) / barFrames
            let line = bar * barFrames
            guard bar > 0, bar < bars, b.start >= line - beatFrames / 2, b.start <= line + 60 * ms else { continue }
            counts.bassNotes += 1
            let writtenBar = b.start >= line ? bar : bar - 1
            let chord = chords[writtenBar % chords.count]
            if !chord.pitchClasses.contains(PitchClass(rawValue: b.key % 12)!) { counts.wrongBass += 1 }
        }
        return counts
    }
}
