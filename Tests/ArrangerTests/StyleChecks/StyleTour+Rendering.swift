import MusicCore
import StyleEngine

@testable import Arranger

extension StyleTour {
    static let sampleRate = 48_000
    /// Chords arrive this many samples before their beat, as a player's hand does.
    static let chordLead = 48
    /// Large blocks keep the tour fast; events still land at exact frames.
    static let blockSize = 1024

    /// Plays `style` over `progression` (see the type's comment) and records what the band did.
    static func play(_ style: Style, file: String, over progression: TourProgression, seed: UInt64 = 7) -> StyleTour {
        let bar = style.meter.ticksPerBar()
        let (num, den) = SampleClock.reduced(style.tempo.samplesPerTick(sampleRate: sampleRate))
        func sample(_ tick: Tick) -> Int { (tick * num + den - 1) / den }
        func tick(_ sample: Int) -> Tick { (sample * den + num / 2) / num }
        let introBars = style.sections[.intro(1)].map { $0.bars(meter: style.meter) } ?? 0

        // Section requests, half way through a bar: they act at the next bar line.
        var requests: [(bar: Int, id: SectionID)] = []
        var b = introBars + 7
        for v in [SectionID.MainVariation.b, .c, .d, .d] {
            requests.append((b, .main(v)))
            b += 9
        }
        requests.append((b - 9 + 2, .breakFill))
        requests.append((b - 9 + 5, .ending(1)))
        var schedule: [(sample: Int, command: ArrangerCommand)] = requests.map { (sample($0.bar * bar + bar / 2), .section($0.id)) }
        let lastRequest = requests.last!.bar
        let endingBars = style.sections[.ending(1)].map { $0.bars(meter: style.meter) } ?? 0
        let totalBars = lastRequest + endingBars + 4
        var previous: Chord?? = .none
        for barIndex in 0..<totalBars {
            let chords = progression.bars[barIndex % progression.bars.count]
            for (i, chord) in chords.enumerated() {
                let at = barIndex * bar + i * bar / chords.count
                if at > 0, previous != .some(chord) { schedule.append((sample(at) - chordLead, .chord(chord))) }
                previous = .some(chord)
            }
        }
        schedule.sort { $0.sample < $1.sample }

        var engine = ArrangerEngine(style: style, sampleRate: sampleRate, seed: seed)
        var events: [(sample: Int, event: BandEvent)] = []
        var notices: [(sample: Int, notice: ArrangerNotice)] = []
        engine.send(.chord(progression.bars[0][0]))
        engine.send(.section(.intro(1)))
        if introBars == 0 { engine.send(.start) }
        var now = 0
        var next = 0
        let end = sample(totalBars * bar)
        var stopped = false
        while now < end {
            var n = min(blockSize, end - now)
            if next < schedule.count { n = min(n, schedule[next].sample - now) }
            if n > 0 {
                let base = now
                engine.advance(
                    frames: n, emit: { events.append((base + $0.frame, $0)) },
                    notify: {
                        if case .stopped = $0 { stopped = true }
                        notices.append((base + $0.frame, $0))
                    })
                now += n
            }
            while next < schedule.count, schedule[next].sample <= now {
                engine.send(schedule[next].command)
                next += 1
            }
            if stopped { break }
        }
        return record(style: style, file: file, progression: progression, events: events, notices: notices,
                      stopped: stopped, tick: tick)
    }

    static func record(
        style: Style, file: String, progression: TourProgression, events: [(sample: Int, event: BandEvent)],
        notices: [(sample: Int, notice: ArrangerNotice)], stopped: Bool, tick: (Int) -> Tick
    ) -> StyleTour {
        var sections: [(id: SectionID, start: Tick)] = []
        var barLines: [Tick] = []
        var chords: [(tick: Tick, chord: Chord?)] = []
        for n in notices {
            switch n.notice {
            case .sectionStarted(let id, _): sections.append((id, tick(n.sample)))
            case .bar: barLines.append(tick(n.sample))
            case .chordChanged(let c, _): chords.append((tick(n.sample), c))
            default: break
            }
        }
        var faults: [String] = []
        var open: [[Int]: (start: Int, velocity: Int, part: PartID)] = [:]
        var notes: [TourNote] = []
        let meter = style.meter
        let bar = meter.ticksPerBar()
        for (s, e) in events {
            guard let ch = e.event.channel?.intValue, let key = e.event.key else { continue }
            if e.event.isNoteOn {
                if open[[ch, key]] != nil {
                    faults.append("second note-on for key \(key) on channel \(ch + 1) at tick \(tick(s)) while it sounds")
                }
                if case .noteOn(_, _, let v) = e.event { open[[ch, key]] = (s, v.intValue, e.part ?? .rhythm1) }
            } else if e.event.isNoteOff {
                guard let o = open.removeValue(forKey: [ch, key]) else {
                    faults.append("note-off for key \(key) on channel \(ch + 1) at tick \(tick(s)) with no note-on")
                    continue
                }
                let start = tick(o.start)
                let sec = sections.last { $0.start <= start } ?? (.main(.a), 0)
                let sectionBars = style.sections[sec.id]?.bars(meter: meter) ?? 1
                let barsIn = (start - sec.start) / bar
                let patternBar = sec.id.isFill ? sectionBars : barsIn % sectionBars + 1
                let chordAt = chords.last { $0.tick <= start }
                notes.append(TourNote(
                    part: o.part, key: key, velocity: o.velocity, start: start, end: tick(s), section: sec.id,
                    patternBar: patternBar, inBar: (start - sec.start) % bar, chord: chordAt?.chord ?? nil,
                    chordStart: chordAt?.tick ?? 0))
            }
        }
        for (k, o) in open.sorted(by: { $0.value.start < $1.value.start }) {
            faults.append("\(o.part.key) key \(k[1]) on channel \(k[0] + 1) from tick \(tick(o.start)) never ends")
        }
        notes.sort { ($0.start, $0.part, $0.key) < ($1.start, $1.part, $1.key) }
        return StyleTour(style: style, file: file, progression: progression, notes: notes, pairingFaults: faults,
                         sectionsPlayed: sections, barLines: barLines, chordChanges: chords, stoppedByItself: stopped)
    }
}
