import MusicCore
import StyleEngine

/// A style prepared for playback: swing applied, rules gathered (so a chord change plans
/// each distinct rule set once), setup events built. Built off the audio thread (init,
/// style change); read without allocating while playing.
struct CompiledStyle: Sendable {
    struct Track: Sendable {
        var part: PartID
        var channel: UInt8
        var rulesIndex: Int
        /// A walking line (see `CompiledStyle.walks`): its last note before a known chord
        /// change becomes an approach into the next chord.
        var walks: Bool
        /// Swung, sorted by tick (section-relative ticks).
        var notes: [PatternNote]
    }

    struct Section: Sendable {
        var id: SectionID
        var bars: Int
        var tracks: [Track]
    }

    let style: Style
    let ticksPerBar: Tick
    let ticksPerBeat: Tick
    let humanize: Humanize
    /// Indexed by `slot(of:)`.
    let sections: [Section?]
    let rules: [TranspositionRules]
    /// Per rule set: whether it belongs to a comping part (`isComping`). Comping and other
    /// parts never share a rule set, so that a push can move the comping parts' note maps
    /// ahead of the others'.
    let compingRules: [Bool]
    let maxTracks: Int
    let setup: [BandEvent]
    let bars: [SectionID: Int]

    static let slotCount = 15
    /// Bank MSBs that select a drum kit (GM2's 120, XG's 126 and 127).
    static let drumBanks: Set<UInt7> = [120, 126, 127]
    static let drumBank: UInt7 = 127

    /// intro 1–3, main A–D, fill A–D, break, ending 1–3.
    @inline(__always)
    static func slot(of id: SectionID) -> Int? {
        switch id {
        case .intro(let n): return (1...3).contains(n) ? n - 1 : nil
        case .main(let v): return 3 + v.rawValue
        case .fill(let v): return 7 + v.rawValue
        case .breakFill: return 11
        case .ending(let n): return (1...3).contains(n) ? 11 + n : nil
        }
    }

    init(_ style: Style) {
        self.style = style
        ticksPerBar = style.meter.ticksPerBar()
        ticksPerBeat = style.meter.ticksPerBeat()
        humanize = style.humanize
        let swing = Swing(feel: style.feel)
        let barLength = style.meter.ticksPerBar()
        var rules: [TranspositionRules] = []
        var compingRules: [Bool] = []
        var sections = [Section?](repeating: nil, count: Self.slotCount)
        var bars: [SectionID: Int] = [:]
        var maxTracks = 0
        for (id, section) in style.sections {
            guard let slot = Self.slot(of: id) else { continue }
            let barCount = max(1, (section.length + ticksPerBar - 1) / ticksPerBar)
            var tracks: [Track] = []
            for part in section.parts.keys.sorted() {
                for track in section.parts[part]! {
                    let rulesIndex: Int
                    let comping = Self.isComping(part)
                    if let i = rules.indices.first(where: { rules[$0] == track.rules && compingRules[$0] == comping }) {
                        rulesIndex = i
                    } else {
                        rulesIndex = rules.count
                        rules.append(track.rules)
                        compingRules.append(comping)
                    }
                    let limit = barCount * ticksPerBar
                    let notes = track.notes.compactMap { n -> PatternNote? in
                        guard n.tick >= 0, n.tick < limit else { return nil }
                        // Swing pairs start again at each bar line: in 7/8 or 5/8 a bar is not
                        // a whole number of pairs, and its downbeat must not be swung.
                        let bar = n.tick / barLength * barLength
                        let start = bar + swing.apply(n.tick - bar)
                        let end = bar + swing.apply(n.tick - bar + max(1, n.duration))
                        return PatternNote(tick: start, duration: max(1, end - start), note: n.note, velocity: n.velocity)
                    }.sorted { ($0.tick, $0.note) < ($1.tick, $1.note) }
                    let walks = ArrangerEngine.follows(bass: track.rules)
                        && Self.walks(track.notes, bars: barCount, ticksPerBar: ticksPerBar, ticksPerBeat: ticksPerBeat)
                    tracks.append(Track(part: part, channel: UInt8(part.rawValue), rulesIndex: rulesIndex, walks: walks, notes: notes))
                }
            }
            maxTracks = max(maxTracks, tracks.count)
            sections[slot] = Section(id: id, bars: barCount, tracks: tracks)
            bars[id] = barCount
        }
        self.rules = rules
        self.compingRules = compingRules
        self.sections = sections
        self.maxTracks = maxTracks
        self.bars = bars
        self.setup = Self.setupEvents(style)
    }

    /// Parts that comp the harmony (the two chord parts, which stab and strum): a clear push
    /// moves them ahead of the beat. The pad, a held bed, changes with the bass.
    static func isComping(_ part: PartID) -> Bool { part == .chord1 || part == .chord2 }

    /// Whether a line walks: in at least half of its bars, notes start on all beats but at
    /// most one (three at least) and move between three pitches or more. A bass holding half
    /// notes, or repeating its root in eighths, does not walk.
    static func walks(_ notes: [PatternNote], bars: Int, ticksPerBar: Tick, ticksPerBeat: Tick) -> Bool {
        let beats = ticksPerBar / max(1, ticksPerBeat)
        guard beats >= 3 else { return false }
        var walking = 0
        for bar in 0..<bars {
            let start = bar * ticksPerBar
            var onBeats: Set<Int> = []
            var pitches: Set<UInt8> = []
            for n in notes where n.tick >= start && n.tick < start + ticksPerBar && (n.tick - start) % ticksPerBeat == 0 {
                onBeats.insert((n.tick - start) / ticksPerBeat)
                pitches.insert(n.note.rawValue)
            }
            if onBeats.count >= max(3, beats - 1) && pitches.count >= 3 { walking += 1 }
        }
        return walking * 2 >= bars
    }

    func section(_ id: SectionID?) -> Section? {
        guard let id, let slot = Self.slot(of: id) else { return nil }
        return sections[slot]
    }

    /// Bank, program, mixer for every part of the style, then All Notes Off on every band
    /// channel. A kit is selected by its bank (XG's drum bank MSB 127 when the style gives
    /// none of its own): the kit then comes with the program change, at the frame the style
    /// takes over and on that channel only, whatever channel it is on. A rhythm part the
    /// style does not set up gets the standard kit.
    static func setupEvents(_ style: Style) -> [BandEvent] {
        var events: [BandEvent] = []
        for part in PartID.allCases {
            let ch = part.channel
            func cc(_ c: UInt7, _ v: UInt7) {
                events.append(BandEvent(frame: 0, part: part, event: .controlChange(channel: ch, controller: c, value: v)))
            }
            if let s = style.parts[part] {
                let kitBank = Self.drumBanks.contains(s.bankMSB) ? s.bankMSB : Self.drumBank
                cc(MIDIController.bankSelectMSB, s.isDrumKit ? kitBank : s.bankMSB)
                cc(MIDIController.bankSelectLSB, s.bankLSB)
                events.append(BandEvent(frame: 0, part: part, event: .programChange(channel: ch, program: s.program)))
                cc(MIDIController.volume, s.volume)
                cc(MIDIController.pan, s.pan)
                cc(MIDIController.reverbSend, s.reverb)
                cc(MIDIController.chorusSend, s.chorus)
            } else if part.isRhythm {
                cc(MIDIController.bankSelectMSB, Self.drumBank)
                cc(MIDIController.bankSelectLSB, 0)
                events.append(BandEvent(frame: 0, part: part, event: .programChange(channel: ch, program: 0)))
            }
            events.append(
                BandEvent(frame: 0, part: part, event: .controlChange(channel: ch, controller: MIDIController.allNotesOff, value: 0)))
        }
        return events
    }
}
