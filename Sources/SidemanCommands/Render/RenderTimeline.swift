import Arranger
import MusicCore
import StyleEngine

/// When each command reaches the engine during a chart render, in ticks from the start of
/// the render: count-in clicks, then the band (intro, the choruses — changing main section
/// each chorus when the style has several, through the fill — then ending or stop).
struct RenderTimeline: Sendable {
    struct Options: Hashable, Sendable {
        var choruses = 1
        var intro = false
        var ending = false
        var countInBars = 0
    }

    enum Item: Hashable, Sendable {
        case command(ArrangerCommand)
        /// A count-in click (a MIDI event of its own, not the engine's).
        case click(MIDIEvent)
    }

    let meter: Meter
    private(set) var items: [(tick: Tick, item: Item)] = []
    /// Where the chart's first bar begins (after count-in and intro).
    private(set) var chartStart: Tick = 0
    /// Where the band starts playing (after the count-in).
    private(set) var bandStart: Tick = 0
    /// Where the music ends: the end of the last chorus, or of the ending.
    private(set) var end: Tick = 0

    /// The count-in clicks on Rhythm 1's drum kit: side stick, the downbeat louder.
    static let clickNote: UInt7 = 37

    init(chart: RenderChart, style: Style, options: Options) throws(RenderError) {
        meter = chart.meter
        let bar = chart.meter.ticksPerBar()
        let beat = chart.meter.ticksPerBeat()
        guard !chart.bars.isEmpty, let first = chart.firstChord else { throw .emptyChart }
        guard options.choruses >= 1 else { throw .badOption("--choruses must be at least 1") }
        guard options.countInBars >= 0 else { throw .badOption("--count-in must be 0 or more bars") }

        // Count-in.
        let clickChannel = PartID.rhythm1.channel
        for b in 0..<(options.countInBars * chart.meter.beatsPerBar) {
            let tick = b * beat
            let velocity: UInt7 = b % chart.meter.beatsPerBar == 0 ? 120 : 85
            add(tick, .click(.noteOn(channel: clickChannel, note: Self.clickNote, velocity: velocity)))
            add(tick + beat / 2, .click(.noteOff(channel: clickChannel, note: Self.clickNote, velocity: 0)))
        }
        bandStart = options.countInBars * bar

        // Band start, with the first chord already known so the first note has it.
        let mains = SectionID.MainVariation.allCases.filter { style.sections[.main($0)] != nil }
        guard let firstMain = mains.first else { throw .styleLacks(style.name, "a Main section") }
        add(bandStart, .command(.autoFill(true)))
        add(bandStart, .command(.chord(first)))
        var introBars = 0
        if options.intro {
            guard let intro = style.sections[.intro(1)] else { throw .styleLacks(style.name, "an Intro 1") }
            introBars = intro.bars(meter: chart.meter)
            add(bandStart, .command(.section(.intro(1))))
        } else {
            add(bandStart, .command(.section(.main(firstMain))))
            add(bandStart, .command(.start))
        }
        chartStart = bandStart + introBars * bar
        if options.intro { add(chartStart, .command(.section(.main(firstMain)))) }

        // The choruses: every chord change (repeats of the sounding chord are not re-sent).
        var sounding: Chord?? = .some(first)
        let chartBars = chart.bars.count
        for chorus in 0..<options.choruses {
            let main = mains[chorus % mains.count]
            let chorusStart = chartStart + chorus * chartBars * bar
            if chorus > 0, main != mains[(chorus - 1) % mains.count] {
                // Asked for at the start of the previous chorus' last bar: the fill plays it.
                add(chorusStart - bar, .command(.section(.main(main))))
            }
            for (b, changes) in chart.bars.enumerated() {
                for change in changes where sounding != .some(change.chord) {
                    add(chorusStart + b * bar + change.offset, .command(.chord(change.chord)))
                    sounding = .some(change.chord)
                }
            }
        }
        let chartEnd = chartStart + options.choruses * chartBars * bar

        // The end: an ending resolving to the first chord of the chart, or a stop.
        if options.ending {
            guard let ending = style.sections[.ending(1)] else { throw .styleLacks(style.name, "an Ending 1") }
            add(chartEnd - bar, .command(.section(.ending(1))))
            if sounding != .some(first) { add(chartEnd, .command(.chord(first))) }
            end = chartEnd + ending.bars(meter: chart.meter) * bar
        } else {
            add(chartEnd, .command(.stop))
            end = chartEnd
        }
        items.sort { $0.tick < $1.tick }  // stable: commands at one tick keep their order
    }

    private mutating func add(_ tick: Tick, _ item: Item) { items.append((tick, item)) }
}
