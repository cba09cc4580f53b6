import Arranger
import MusicCore
import StyleEngine

/// A practice plan from the first click to the last note, as the timed cues the band is given:
/// the count-in, the band's start (with the intro or not), each bar's cues from the conductor
/// with the metronome's clicks, then the ending or a stop. It is read a bar at a time, in time
/// order: the offline render reads it to the end, the live chart mode a little ahead of the
/// music (off the audio thread), for ever in an endless loop. Both read this one score, so a
/// drill plays live as it renders.
public struct PracticeScore: Sendable {
    public enum Event: Hashable, Sendable {
        /// What the conductor says: a command for the engine, a click, a marker.
        case cue(PracticeConductor.Cue)
        /// The count-in starts (the band waits, or the drums play alone).
        case countIn
        /// The style's intro starts.
        case intro
        /// Bar `index` of the plan starts (0-based, counted from the song's first bar).
        case bar(Int)
        /// The style's ending starts (the band stops after it).
        case ending
        /// The music is over: nothing more will sound.
        case end
    }

    public typealias Timed = (tick: Tick, event: Event)

    public let plan: PracticePlan
    public let meter: Meter
    /// The tempo the band starts at (the first bar's).
    public let firstTempo: Tempo
    /// Ticks from the first click to where the band starts (after a count-in of clicks) and to
    /// where the chart's first bar begins (after the count-in and the intro).
    public let bandStart: Tick
    public let chartStart: Tick
    /// Where the music ends (the last bar's end, or the ending's); nil until the last bar has
    /// been read, and for ever in an endless loop.
    public private(set) var end: Tick?

    private var conductor: PracticeConductor
    /// What the band is given as it starts (the first chord of the song, or none for a
    /// count-in on the drums alone), and what the mixer is set to.
    private var leadIn: [Timed]
    private let firstChord: Chord
    private let firstTransposition: Int
    private let endingBars: Int?
    private var nextBar = 0
    private var lastTransposition = 0
    private var finished = false

    /// `minusOne`: parts the player plays, muted for the whole song (every other part is
    /// unmuted at the start); `volumes`: parts set to a volume at the start.
    public init(
        plan: PracticePlan, style: Style, minusOne: Set<PartID> = [], volumes: [PartID: UInt7] = [:]
    ) throws(PracticeError) {
        self.plan = plan
        meter = style.meter
        conductor = try PracticeConductor(plan: plan, style: style, minusOne: minusOne)
        let settings = plan.settings
        let bar = meter.ticksPerBar()
        guard let first = plan.bar(0) else { throw PracticeError("the chart has no chords") }
        firstTempo = first.tempo
        firstTransposition = first.transposition
        // The chord the band starts on: the song's first (a loop of bars with no chord has none).
        var found: Chord?
        var n = 0
        while found == nil, n < 2 * plan.pass.count + plan.introBars, let b = plan.bar(n) {
            found = b.changes.lazy.compactMap(\.chord).first
            n += 1
        }
        guard let found else { throw PracticeError("the chart has no chords") }
        firstChord = found

        let countIn = settings.countIn
        let drumsFirst = countIn.kind == .drums && countIn.bars > 0
        if drumsFirst, settings.intro { throw PracticeError("a count-in on the drums and an intro both lead in: choose one") }
        var introBars = 0
        if settings.intro {
            guard let intro = style.sections[.intro(1)] else { throw PracticeError("style '\(style.name)' has no Intro 1") }
            introBars = intro.bars(meter: meter)
        }
        if settings.ending {
            guard let ending = style.sections[.ending(1)] else { throw PracticeError("style '\(style.name)' has no Ending 1") }
            endingBars = ending.bars(meter: meter)
        } else {
            endingBars = nil
        }
        bandStart = drumsFirst ? 0 : countIn.bars * bar
        chartStart = bandStart + (drumsFirst ? countIn.bars : introBars) * bar

        // Count-in: clicks before the band, or the drums alone (no chord) from the start.
        var items: [Timed] = []
        if countIn.bars > 0 { items.append((0, .countIn)) }
        if !drumsFirst {
            for b in 0..<countIn.bars { items += conductor.clicks().map { (b * bar + $0.offset, .cue($0.cue)) } }
        }
        let start = bandStart
        func command(_ c: ArrangerCommand) { items.append((start, .cue(.command(c)))) }
        // The tempo and the mixer as this song wants them, whatever the band played before, and
        // no sync start left armed by the keyboard (the first chord would start the band on
        // the main, before the intro, a bar early).
        command(.tempo(firstTempo))
        command(.autoFill(true))
        command(.syncStart(false))
        for part in PartID.allCases {
            command(.mute(part, minusOne.contains(part)))
            if let volume = volumes[part] { command(.volume(part, volume)) }
        }
        command(.chord(drumsFirst ? nil : firstChord))
        conductor.started(with: drumsFirst ? nil : firstChord)
        // The main is selected first (while stopped that only selects it), so the intro leads into it.
        command(.section(.main(conductor.firstMain)))
        if settings.intro {
            items.append((start, .intro))
            command(.section(.intro(1)))
        } else {
            command(.start)
        }
        leadIn = items
    }

    /// The next bar's events (the lead-in first, the end last), in time order; nil once the
    /// music is over.
    public mutating func next() -> [Timed]? {
        if !leadIn.isEmpty {
            defer { leadIn = [] }
            return leadIn
        }
        guard !finished else { return nil }
        let length = meter.ticksPerBar()
        guard let bar = plan.bar(nextBar) else { return finish() }
        let start = chartStart + bar.index * length
        var items: [Timed] = [(start, .bar(bar.index))]
        items += conductor.cues(for: bar).map { (start + $0.offset, .cue($0.cue)) }
        if plan.settings.metronome { items += conductor.clicks().map { (start + $0.offset, .cue($0.cue)) } }
        if endingBars != nil, let count = plan.barCount, bar.index == count - 1 {
            items.append((start + length - length / 2, .cue(.command(.section(.ending(1))))))  // starts at the next bar line
        }
        lastTransposition = bar.transposition
        nextBar += 1
        return Self.ordered(items)
    }

    /// After the last bar: the band back from a break, then the ending resolving to the first
    /// chord of the last pass, or a stop.
    private mutating func finish() -> [Timed] {
        finished = true
        let chartEnd = chartStart + nextBar * meter.ticksPerBar()
        var items: [Timed] = conductor.finish().map { (chartEnd, .cue($0)) }
        if let endingBars {
            let home = firstChord.transposed(by: lastTransposition - firstTransposition)
            items.append((chartEnd, .ending))
            if conductor.sounding != .some(home) { items.append((chartEnd, .cue(.command(.chord(home))))) }
            end = chartEnd + endingBars * meter.ticksPerBar()
        } else {
            items.append((chartEnd, .cue(.command(.stop))))
            end = chartEnd
        }
        items.append((end!, .end))
        return items
    }

    /// Sorted by tick; events at one tick keep the order they were given in.
    static func ordered(_ items: [Timed]) -> [Timed] {
        items.enumerated().sorted { a, b in
            a.element.tick != b.element.tick ? a.element.tick < b.element.tick : a.offset < b.offset
        }.map(\.element)
    }
}
