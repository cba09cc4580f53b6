import MusicCore
import StyleEngine

@testable import Arranger

/// Builds small styles in code, so engine tests need no parser.
struct StyleBuilder {
    var meter: Meter = .fourFour
    var tempo: Tempo = Tempo(bpm: 120)!
    var feel: Feel = .straight
    var humanize: Humanize = .none
    var sections: [SectionID: Section] = [:]
    var name = "test"

    var ticksPerBar: Tick { meter.ticksPerBar() }

    /// A section of `bars` bars; `fill` adds the tracks.
    mutating func section(_ id: SectionID, bars: Int, _ fill: (inout [PartID: [PatternTrack]], Tick) -> Void) {
        var parts: [PartID: [PatternTrack]] = [:]
        fill(&parts, bars * ticksPerBar)
        sections[id] = Section(id: id, length: bars * ticksPerBar, parts: parts)
    }

    func build() -> Style {
        var setups: [PartID: PartSetup] = [:]
        for part in PartID.allCases {
            setups[part] = PartSetup(program: UInt7(part.rawValue)!, isDrumKit: part.isRhythm)
        }
        return Style(name: name, title: name, genre: "test", meter: meter, tempo: tempo, feel: feel,
                     humanize: humanize, parts: setups, sections: sections)
    }
}

func note(_ tick: Tick, _ duration: Tick, _ key: Int, _ velocity: Int = 100) -> PatternNote {
    PatternNote(tick: tick, duration: duration, note: UInt7(key)!, velocity: UInt7(velocity)!)
}

enum TestStyles {
    static let q = PPQ.standard

    /// Drums on every beat (kick 36 on odd beats, snare 38 on even), hi-hat eighths (42).
    static func drums(length: Tick, beat: Tick = q, eighth: Tick = q / 2) -> PatternTrack {
        var notes: [PatternNote] = []
        var t = 0
        var i = 0
        while t < length {
            notes.append(note(t, beat / 2, i % 2 == 0 ? 36 : 38))
            t += beat
            i += 1
        }
        t = 0
        while t < length {
            notes.append(note(t, eighth / 2, 42, 70))
            t += eighth
        }
        return PatternTrack(rules: .drums, notes: notes)
    }

    /// A full little pop style: every section, bass on roots, a CM7 chord part, a pad and a
    /// melody phrase; `sectionKey` makes each section's kick pitch distinct so tests can
    /// tell which section played (intro 1: 35, main A: 36 ...).
    static func pop(
        meter: Meter = .fourFour, feel: Feel = .straight, humanize: Humanize = .none,
        chordRetrigger: RetriggerRule = .pitchShift, padRetrigger: RetriggerRule = .retrigger,
        sections ids: [SectionID] = SectionID.all
    ) -> Style {
        var b = StyleBuilder(meter: meter, feel: feel, humanize: humanize)
        b.name = "test-pop"
        let bass = TranspositionRules(table: .bass, rootRule: .transpose(highKey: .fSharp), retrigger: .stop)
        let chord = TranspositionRules(table: .chord, rootRule: .fixed, retrigger: chordRetrigger)
        let pad = TranspositionRules(table: .chord, rootRule: .transpose(highKey: .fSharp), retrigger: padRetrigger)
        let melody = TranspositionRules(table: .melody, rootRule: .transpose(highKey: .fSharp), retrigger: .stop)
        for id in ids {
            let bars: Int
            switch id {
            case .intro(let n): bars = n
            case .main(let v): bars = v == .a ? 2 : 1
            case .fill, .breakFill: bars = 1
            case .ending(let n): bars = n
            }
            b.section(id, bars: bars) { parts, length in
                let tpb = meter.ticksPerBar()
                let beat = meter.ticksPerBeat()
                var drums = drums(length: length, beat: beat, eighth: beat / 2)
                // Mark the section with a cymbal only it plays, on each bar's first beat.
                let marker = 49 + (SectionID.all.firstIndex(of: id) ?? 0)
                for bar in 0..<bars { drums.notes.append(note(bar * tpb, beat / 4, marker)) }
                drums = PatternTrack(rules: drums.rules, notes: drums.notes)
                parts[.rhythm1] = [drums]
                var bassNotes: [PatternNote] = []
                var chordNotes: [PatternNote] = []
                var padNotes: [PatternNote] = []
                var melodyNotes: [PatternNote] = []
                for bar in 0..<bars {
                    let s = bar * tpb
                    bassNotes.append(note(s, beat, 36))
                    bassNotes.append(note(s + beat * 2 < s + tpb ? s + beat * 2 : s + beat, beat / 2, 43))
                    for k in [60, 64, 67, 71] { chordNotes.append(note(s, beat * 2, k, 80)) }
                    padNotes.append(note(s, tpb, 72, 60))
                    melodyNotes.append(note(s + beat, beat / 2, 74, 90))
                    melodyNotes.append(note(s + beat + beat / 2, beat / 2, 76, 90))
                }
                parts[.bass] = [PatternTrack(rules: bass, notes: bassNotes)]
                parts[.chord1] = [PatternTrack(rules: chord, notes: chordNotes)]
                parts[.pad] = [PatternTrack(rules: pad, notes: padNotes)]
                parts[.phrase1] = [PatternTrack(rules: melody, notes: melodyNotes)]
            }
        }
        return b.build()
    }

    /// The marker key the pop style's rhythm part plays at the start of each bar of `id`.
    static func marker(_ id: SectionID) -> Int { 49 + SectionID.all.firstIndex(of: id)! }

    static func section(ofMarker key: Int) -> SectionID? {
        let i = key - 49
        return SectionID.all.indices.contains(i) ? SectionID.all[i] : nil
    }

    /// One sustained note per part, to test chord changes under a sounding note.
    static func sustained(rule: RetriggerRule, table: NoteTable = .chord, written: [Int] = [60, 64, 67]) -> Style {
        var b = StyleBuilder()
        b.name = "sustained"
        let rules = TranspositionRules(table: table, rootRule: .transpose(highKey: .fSharp), retrigger: rule)
        b.section(.main(.a), bars: 1) { parts, length in
            parts[.chord1] = [PatternTrack(rules: rules, notes: written.map { note(0, length, $0) })]
            parts[.rhythm1] = [PatternTrack(rules: .drums, notes: [note(0, length, 36)])]
        }
        return b.build()
    }
}
