import Arranger
import MusicCore
import Practice
import StyleEngine

/// A practice plan compiled, off the audio thread, into the cues the chart source fires as the
/// sample clock passes their ticks: count-in, intro, each bar's tempo, main section, mutes
/// (chord breaks, minus-one), chords and clicks, then the ending or a stop. It is built once
/// per song and only read on the audio thread.
///
/// An endless loop is compiled as a lead-in (the passes of a tempo ramp until it settles) and
/// one period that repeats for ever: the period is long enough for the key cycle, the change of
/// main section per pass and the chord breaks to come round to where they began. A random key
/// cycle repeats its first twelve keys.
struct ChartTimeline: Sendable {
    /// Cue ticks, ascending, and the cues (parallel arrays: one index walks both).
    private(set) var ticks: [Tick] = []
    private(set) var cues: [ChartCue] = []
    let meter: Meter
    let firstTempo: Tempo
    /// Where the chart's first bar begins, after count-in and intro.
    private(set) var chartStart: Tick = 0
    /// Endless: cues from `repeatIndex` on play again, `repeatTicks` later, when the last has fired.
    private(set) var repeatIndex: Int?
    private(set) var repeatTicks: Tick = 0
    /// Bars in the repeating period (to count bars on through the repeats).
    private(set) var repeatBars = 0

    /// Channel 3 (index 2), with a drum kit: apart from the player's hands (1–2) and the band
    /// (9–16), as in the render, so that the click can be muted or kept on its own.
    static let clickChannel: MIDIChannel = 2
    /// Side stick; the downbeat louder.
    static let clickNote: UInt7 = 37
    /// The longest repeating period compiled for an endless loop.
    static let maximumPeriodBars = 4096

    /// `muted` and `volumes` set the parts the player plays (minus-one) for the whole song.
    init(plan: PracticePlan, style: Style, muted: Set<PartID> = [], volumes: [PartID: UInt7] = [:]) throws(PracticeError) {
        meter = style.meter
        let bar = meter.ticksPerBar()
        let settings = plan.settings
        let passBars = plan.pass.count
        let mains = SectionID.MainVariation.allCases.filter { style.sections[.main($0)] != nil }
        guard let firstMain = mains.first else { throw PracticeError("the style \(style.name) has no Main section") }
        let changeMains = mains.count > 1 && passBars >= 8

        // How many bars to compile: all of them, or a lead-in and a repeating period.
        let barCount: Int
        var leadBars = 0
        if let finite = plan.barCount {
            barCount = finite
        } else {
            var leadPasses = 0
            if let ramp = settings.ramp {
                while ramp.bpm(pass: leadPasses) != ramp.to, leadPasses < 1000 { leadPasses += 1 }
            }
            var periodPasses = 1
            switch settings.keys {
            case .none: break
            case .fourths, .fifths, .chromatic, .random: periodPasses = 12
            case .list(let keys): periodPasses = keys.count
            }
            if changeMains { periodPasses = Self.lcm(periodPasses, mains.count) }
            var periodBars = periodPasses * passBars
            if let breaks = settings.breaks { periodBars = Self.lcm(periodBars, breaks.every) }
            // Start the period on a pass that begins a break group, so both come round together.
            leadBars = leadPasses * passBars
            if let breaks = settings.breaks {
                while leadBars % breaks.every != 0 { leadBars += passBars }
            }
            guard periodBars <= Self.maximumPeriodBars else {
                throw PracticeError("this endless loop never comes round (\(periodBars) bars): give a number of times (x4)")
            }
            barCount = leadBars + periodBars
            repeatBars = periodBars
        }
        let bars = (0..<barCount).compactMap(plan.bar)
        guard bars.count == barCount, let firstChord = bars.lazy.flatMap(\.changes).compactMap(\.chord).first else {
            throw PracticeError("the chart has no chords")
        }
        firstTempo = bars[0].tempo
        var items: [(tick: Tick, cue: ChartCue)] = []
        func add(_ tick: Tick, _ cue: ChartCue) { items.append((tick, cue)) }
        func clicks(from start: Tick, bars count: Int) {
            let beat = meter.ticksPerBeat()
            for b in 0..<(count * meter.beatsPerBar) {
                let tick = start + b * beat
                let velocity: UInt7 = b % meter.beatsPerBar == 0 ? 120 : 85
                add(tick, .click(.noteOn(channel: Self.clickChannel, note: Self.clickNote, velocity: velocity)))
                add(tick + beat / 2, .click(.noteOff(channel: Self.clickChannel, note: Self.clickNote, velocity: 0)))
            }
        }

        // Count-in and start: clicks before the band, or the drums alone with no chord.
        let countIn = settings.countIn
        if countIn.kind == .drums, countIn.bars > 0, settings.intro {
            throw PracticeError("a count-in on the drums and an intro both lead in: choose one")
        }
        var bandStart: Tick = 0
        if countIn.bars > 0 { add(0, .countIn) }
        if countIn.kind == .clicks {
            clicks(from: 0, bars: countIn.bars)
            bandStart = countIn.bars * bar
        }
        let drumsFirst = countIn.kind == .drums && countIn.bars > 0
        add(bandStart, .command(.tempo(firstTempo)))
        add(bandStart, .command(.autoFill(true)))
        for part in PartID.allCases {
            add(bandStart, .command(.mute(part, muted.contains(part))))
            if let volume = volumes[part] { add(bandStart, .command(.volume(part, volume))) }
        }
        add(bandStart, .command(.chord(drumsFirst ? nil : firstChord)))
        add(bandStart, .command(.section(.main(firstMain))))
        var introBars = 0
        if settings.intro {
            guard let intro = style.sections[.intro(1)] else { throw PracticeError("the style \(style.name) has no Intro 1") }
            introBars = intro.bars(meter: meter)
            add(bandStart, .intro)
            add(bandStart, .command(.section(.intro(1))))
        } else {
            add(bandStart, .command(.start))
        }
        chartStart = bandStart + (drumsFirst ? countIn.bars : introBars) * bar

        // The bars. Chord breaks mute the parts the player has not muted.
        let playing = PartID.allCases.filter { style.parts[$0] != nil && !muted.contains($0) }
        var sounding: Chord?? = drumsFirst ? .some(nil) : .some(firstChord)
        var tempo = firstTempo
        var resting = false
        var repeatStartTick: Tick?
        for b in bars {
            let start = chartStart + b.index * bar
            let startsPeriod = repeatBars > 0 && b.index == leadBars
            if startsPeriod {
                repeatStartTick = start
                sounding = nil  // the period's first chord is always sent: it follows its own end too
            }
            add(start, .bar(b.index))
            if b.tempo != tempo || startsPeriod {
                tempo = b.tempo
                add(start, .command(.tempo(tempo)))
            }
            if b.startsPass, b.pass > 0, changeMains {
                let main = mains[b.pass % mains.count]
                if main != mains[(b.pass - 1) % mains.count] {
                    // Asked for in the middle of the bar before: the fill plays that bar.
                    add(max(chartStart, start - bar - bar / 2), .command(.section(.main(main))))
                }
            }
            if b.bandPlays == resting || startsPeriod {
                resting = !b.bandPlays
                for part in playing { add(start, .command(.mute(part, resting))) }
            }
            for change in b.changes where sounding != .some(change.chord) {
                add(start + change.offset, .command(.chord(change.chord)))
                sounding = .some(change.chord)
            }
        }
        let chartEnd = chartStart + bars.count * bar
        if settings.metronome { clicks(from: chartStart, bars: bars.count) }

        if repeatBars == 0 {
            if resting { for part in playing { add(chartEnd, .command(.mute(part, false))) } }
            if settings.ending {
                guard let ending = style.sections[.ending(1)] else { throw PracticeError("the style \(style.name) has no Ending 1") }
                let home = firstChord.transposed(by: bars.last!.transposition - bars[0].transposition)
                add(chartEnd - bar / 2, .command(.section(.ending(1))))  // starts at the next bar line
                add(chartEnd, .ending)
                if sounding != .some(home) { add(chartEnd, .command(.chord(home))) }
                add(chartEnd + ending.bars(meter: meter) * bar, .end)
            } else {
                add(chartEnd, .command(.stop))
                add(chartEnd, .end)
            }
        }
        items.sort { $0.tick < $1.tick }  // stable: cues at one tick keep their order
        ticks = items.map(\.tick)
        cues = items.map(\.cue)
        if let repeatStartTick {
            repeatIndex = ticks.firstIndex { $0 >= repeatStartTick } ?? 0
            repeatTicks = chartEnd - repeatStartTick
        }
    }

    var count: Int { ticks.count }

    static func lcm(_ a: Int, _ b: Int) -> Int {
        var x = a, y = b
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 0 : a / x * b
    }
}
