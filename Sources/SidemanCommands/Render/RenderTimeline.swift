import Arranger
import MusicCore
import Practice
import StyleEngine

/// When each command reaches the engine during a chart render, in ticks from the start of
/// the render: count-in, then the band (intro, the bars of the practice plan — changing
/// main section each pass when the style has several, through the fill — then ending or
/// stop), with each bar's tempo, chord breaks (the band muted), the metronome's clicks and
/// the chart's section markers. The tempo map says how ticks become time.
struct RenderTimeline: Sendable {
    enum Item: Hashable, Sendable {
        case command(ArrangerCommand)
        /// A click of the count-in or the metronome (a MIDI event of its own, not the engine's).
        case click(MIDIEvent)
        /// A chart section ("[A]") or a loop pass ("Pass 2") starts: a marker in the MIDI
        /// file, beside the style's own sections ("Main A").
        case marker(String)
    }

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

    /// The clicks (count-in and metronome) sound on channel 3 with a drum kit, apart from
    /// the band's drums so that they can be muted or kept on their own.
    static let clickChannel: MIDIChannel = 2
    /// Side stick; the downbeat louder.
    static let clickNote: UInt7 = 37

    init(plan: PracticePlan, style: Style) throws(RenderError) {
        meter = style.meter
        let bar = meter.ticksPerBar()
        let bars: [PracticeBar]
        do {
            bars = try plan.bars()
        } catch {
            throw .badOption(error.description)
        }
        let settings = plan.settings
        guard let firstChord = bars.lazy.flatMap(\.changes).compactMap(\.chord).first else { throw .emptyChart }
        let countIn = settings.countIn
        if countIn.kind == .drums, countIn.bars > 0, settings.intro {
            throw .badOption("a count-in on the drums and an intro both lead in: choose one")
        }
        let mains = SectionID.MainVariation.allCases.filter { style.sections[.main($0)] != nil }
        guard let firstMain = mains.first else { throw .styleLacks(style.name, "a Main section") }
        tempos = [(0, bars[0].tempo)]

        // Count-in: clicks before the band, or the drums alone (no chord) from the start.
        if countIn.kind == .clicks {
            clicks(from: 0, bars: countIn.bars)
            bandStart = countIn.bars * bar
        }
        add(bandStart, .command(.autoFill(true)))
        let drumsFirst = countIn.kind == .drums && countIn.bars > 0
        add(bandStart, .command(.chord(drumsFirst ? nil : firstChord)))
        // The main is selected first (while stopped that only selects it), so the intro leads into it.
        add(bandStart, .command(.section(.main(firstMain))))
        var introBars = 0
        if settings.intro {
            guard let intro = style.sections[.intro(1)] else { throw .styleLacks(style.name, "an Intro 1") }
            introBars = intro.bars(meter: meter)
            add(bandStart, .command(.section(.intro(1))))
        } else {
            add(bandStart, .command(.start))
        }
        chartStart = bandStart + (drumsFirst ? countIn.bars : introBars) * bar

        // The bars: tempo, sections, chords (repeats of the sounding chord are not re-sent),
        // breaks and clicks.
        var sounding: Chord?? = drumsFirst ? .some(nil) : .some(firstChord)
        var tempo = bars[0].tempo
        var muted = false
        let parts = PartID.allCases.filter { style.parts[$0] != nil }
        let changeMains = mains.count > 1 && plan.pass.count >= 8
        for b in bars {
            let start = chartStart + b.index * bar
            if b.tempo != tempo {
                tempo = b.tempo
                tempos.append((start, tempo))
                add(start, .command(.tempo(tempo)))
            }
            if b.startsPass, b.pass > 0, changeMains {
                let main = mains[b.pass % mains.count]
                if main != mains[(b.pass - 1) % mains.count] {
                    // Asked for in the middle of the bar before: the fill plays that bar.
                    add(max(chartStart, start - bar - bar / 2), .command(.section(.main(main))))
                }
            }
            if b.startsPass, plan.settings.loop != nil { add(start, .marker("Pass \(b.pass + 1)")) }
            if b.startsSection, let name = b.section { add(start, .marker("[\(name)]")) }
            if b.bandPlays == muted {
                muted = !b.bandPlays
                for part in parts { add(start, .command(.mute(part, muted))) }
            }
            for change in b.changes where sounding != .some(change.chord) {
                add(start + change.offset, .command(.chord(change.chord)))
                sounding = .some(change.chord)
            }
        }
        let chartEnd = chartStart + bars.count * bar
        if settings.metronome { clicks(from: chartStart, bars: bars.count) }
        if muted { for part in parts { add(chartEnd, .command(.mute(part, false))) } }

        // The end: an ending resolving to the first chord of the last pass, or a stop.
        if settings.ending {
            guard let ending = style.sections[.ending(1)] else { throw .styleLacks(style.name, "an Ending 1") }
            let home = firstChord.transposed(by: bars.last!.transposition - bars[0].transposition)
            add(chartEnd - bar / 2, .command(.section(.ending(1))))  // starts at the next bar line
            if sounding != .some(home) { add(chartEnd, .command(.chord(home))) }
            end = chartEnd + ending.bars(meter: meter) * bar
        } else {
            add(chartEnd, .command(.stop))
            end = chartEnd
        }
        items.sort { $0.tick < $1.tick }  // stable: commands at one tick keep their order
    }

    /// A click on every beat of `bars` bars from `start`, the downbeat louder.
    private mutating func clicks(from start: Tick, bars: Int) {
        let beat = meter.ticksPerBeat()
        for b in 0..<(bars * meter.beatsPerBar) {
            let tick = start + b * beat
            let velocity: UInt7 = b % meter.beatsPerBar == 0 ? 120 : 85
            add(tick, .click(.noteOn(channel: Self.clickChannel, note: Self.clickNote, velocity: velocity)))
            add(tick + beat / 2, .click(.noteOff(channel: Self.clickChannel, note: Self.clickNote, velocity: 0)))
        }
    }

    private mutating func add(_ tick: Tick, _ item: Item) { items.append((tick, item)) }
}
