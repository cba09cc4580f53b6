import Arranger
import Foundation
import MusicCore
import StyleEngine
import Testing

@testable import Practice

/// A chart played by the engine through the practice conductor, as the render does it: each
/// bar's cues sent at their exact ticks on the sample clock. 125 BPM at 48 kHz makes a tick
/// exactly 12 samples, so every note is read back at its tick.
struct ChartBand {
    struct Note: Hashable {
        var tick: Tick
        var part: PartID
        var key: Int
        var velocity: Int
    }

    static let sampleRate = 48_000
    static let samplesPerTick = 12
    static let tempo = Tempo(bpm: 125)!

    /// The style file of the project's own library.
    static func style(_ name: String) throws -> Style {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("styles/\(name).style").path
        return try StyleTextFormat.parse(try String(contentsOfFile: path, encoding: .utf8), fileName: path)
    }

    var notes: [Note] = []
    /// Chord (and push) commands the conductor gave, at their ticks.
    var changes: [(tick: Tick, chord: Chord?, pushed: Bool)] = []
    var chordNotices: [(tick: Tick, chord: Chord?)] = []
    var openNotes = 0

    /// Plays `chart` (choruses as given), starting on `main`; `knowsNext: false` drops the
    /// next-chord cues, as a live left hand gives none.
    init(chart text: String, style: Style, choruses: Int = 1, main: SectionID.MainVariation? = nil, knowsNext: Bool = true) throws {
        let chart = try ChordChart.parse(text)
        var settings = PracticeSettings()
        settings.choruses = choruses
        let plan = try PracticePlan(chart: chart, settings: settings, tempo: Self.tempo)
        var conductor = try PracticeConductor(plan: plan, style: style)
        var cues: [(tick: Tick, command: ArrangerCommand)] = []
        let first = conductor.firstChord
        cues.append((0, .tempo(Self.tempo)))
        cues.append((0, .chord(first)))
        conductor.started(with: first)
        cues.append((0, .section(.main(main ?? conductor.firstMain))))
        cues.append((0, .start))
        let bars = try plan.bars()
        let barTicks = style.meter.ticksPerBar()
        for b in bars {
            for (offset, cue) in conductor.cues(for: b) {
                guard case .command(let command) = cue else { continue }
                if !knowsNext, case .nextChord = command { continue }
                cues.append((b.index * barTicks + offset, command))
            }
        }
        let end = bars.count * barTicks
        cues.append((end, .stop))
        cues.sort { $0.tick < $1.tick }
        for c in cues {
            switch c.command {
            case .chord(let chord): changes.append((c.tick, chord, false))
            case .push(let chord): changes.append((c.tick, chord, true))
            default: break
            }
        }

        var engine = ArrangerEngine(style: style, sampleRate: Self.sampleRate)
        var sample = 0
        var sounding: Set<[Int]> = []
        var collected: [Note] = []
        var notices: [(tick: Tick, chord: Chord?)] = []
        func run(to target: Int) {
            while sample < target {
                let n = min(64, target - sample)
                let base = sample
                engine.advance(frames: n, emit: { e in
                    let tick = (base + e.frame) / Self.samplesPerTick
                    switch e.event {
                    case .noteOn(let ch, let k, let v) where v.rawValue > 0:
                        sounding.insert([ch.intValue, k.intValue])
                        collected.append(Note(tick: tick, part: e.part ?? .rhythm1, key: k.intValue, velocity: v.intValue))
                    case .noteOff(let ch, let k, _), .noteOn(let ch, let k, _):
                        sounding.remove([ch.intValue, k.intValue])
                    default: break
                    }
                }, notify: { n in
                    if case .chordChanged(let chord, let f) = n { notices.append(((base + f) / Self.samplesPerTick, chord)) }
                })
                sample += n
            }
        }
        for c in cues {
            run(to: c.tick * Self.samplesPerTick)
            engine.send(c.command)
        }
        run(to: end * Self.samplesPerTick + 64)
        notes = collected
        chordNotices = notices
        openNotes = sounding.count
    }

    func notes(_ part: PartID) -> [Note] { notes.filter { $0.part == part } }

    /// Semitones from `pitchClass` up to the key's pitch class (0...11).
    static func interval(_ key: Int, above pitchClass: PitchClass) -> Int { ((key - pitchClass.rawValue) % 12 + 12) % 12 }
}
