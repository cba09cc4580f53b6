import Arranger
import MusicCore
import Practice
import StyleEngine

/// When each command reaches the engine during a chart render, in ticks from the start of
/// the render: the count-in, the band's start (intro or not), the cues the practice
/// conductor gives for every bar of the plan, the metronome, then the ending or a stop. The
/// tempo map says how ticks become time.
struct RenderTimeline: Sendable {
    typealias Item = PracticeConductor.Cue

    let meter: Meter
    private(set) var items: [(tick: Tick, item: Item)] = []
    /// Tempo from each tick on (the first at tick 0).
    private(set) var tempos: [(tick: Tick, tempo: Tempo)] = []
    /// Where the chart's first bar begins (after count-in and intro).
    private(set) var chartStart: Tick = 0
    /// Where the band starts playing (after a count-in of clicks).
    private(set) var bandStart: Tick = 0
    /// Where the music ends: the end of the last bar, or of the ending.
    private(set) var end: Tick = 0

    static let clickChannel = PracticeConductor.clickChannel

    init(plan: PracticePlan, style: Style) throws(RenderError) {
        meter = style.meter
        let bar = meter.ticksPerBar()
        let bars: [PracticeBar]
        var conductor: PracticeConductor
        do {
            bars = try plan.bars()
            conductor = try PracticeConductor(plan: plan, style: style)
        } catch {
            if error.message.hasSuffix("has no Main section") { throw .styleLacks(style.name, "a Main section") }
            throw .badOption(error.description)
        }
        let settings = plan.settings
        guard let firstChord = conductor.firstChord else { throw .emptyChart }
        let countIn = settings.countIn
        if countIn.kind == .drums, countIn.bars > 0, settings.intro {
            throw .badOption("a count-in on the drums and an intro both lead in: choose one")
        }
        tempos = [(0, bars[0].tempo)]

        // Count-in: clicks before the band, or the drums alone (no chord) from the start.
        let drumsFirst = countIn.kind == .drums && countIn.bars > 0
        if !drumsFirst {
            for b in 0..<countIn.bars { add(b * bar, conductor.clicks()) }
            bandStart = countIn.bars * bar
        }
        add(bandStart, .command(.autoFill(true)))
        add(bandStart, .command(.chord(drumsFirst ? nil : firstChord)))
        conductor.started(with: drumsFirst ? nil : firstChord)
        // The main is selected first (while stopped that only selects it), so the intro leads into it.
        add(bandStart, .command(.section(.main(conductor.firstMain))))
        var introBars = 0
        if settings.intro {
            guard let intro = style.sections[.intro(1)] else { throw .styleLacks(style.name, "an Intro 1") }
            introBars = intro.bars(meter: meter)
            add(bandStart, .command(.section(.intro(1))))
        } else {
            add(bandStart, .command(.start))
        }
        chartStart = bandStart + (drumsFirst ? countIn.bars : introBars) * bar

        for b in bars {
            let start = chartStart + b.index * bar
            let cues = conductor.cues(for: b)
            for (offset, cue) in cues {
                if case .command(.tempo(let t)) = cue { tempos.append((start + offset, t)) }
            }
            add(start, cues)
            if settings.metronome { add(start, conductor.clicks()) }
        }
        let chartEnd = chartStart + bars.count * bar
        for cue in conductor.finish() { add(chartEnd, cue) }

        // The end: an ending resolving to the first chord of the last pass, or a stop.
        if settings.ending {
            guard let ending = style.sections[.ending(1)] else { throw .styleLacks(style.name, "an Ending 1") }
            let home = firstChord.transposed(by: bars.last!.transposition - bars[0].transposition)
            add(chartEnd - bar / 2, .command(.section(.ending(1))))  // starts at the next bar line
            if conductor.sounding != .some(home) { add(chartEnd, .command(.chord(home))) }
            end = chartEnd + ending.bars(meter: meter) * bar
        } else {
            add(chartEnd, .command(.stop))
            end = chartEnd
        }
        items.sort { $0.tick < $1.tick }  // stable: commands at one tick keep their order
    }

    private mutating func add(_ tick: Tick, _ item: Item) { items.append((tick, item)) }

    private mutating func add(_ start: Tick, _ cues: [(offset: Tick, cue: Item)]) {
        for (offset, cue) in cues { items.append((start + offset, cue)) }
    }
}
