import Arranger
import MusicCore
import Practice
import StyleEngine

/// When each command reaches the engine during a chart render, in ticks from the start of
/// the render: the practice score read to its end (the count-in, the band's start, every
/// bar's cues, the metronome, the ending or a stop), as the live chart mode reads it. The
/// tempo map says how ticks become time.
struct RenderTimeline: Sendable {
    typealias Item = PracticeConductor.Cue

    let meter: Meter
    private(set) var items: [(tick: Tick, item: Item)] = []
    /// Tempo from each tick on (the first at tick 0).
    private(set) var tempos: [(tick: Tick, tempo: Tempo)] = []
    /// Where the chart's first bar begins (after count-in and intro).
    let chartStart: Tick
    /// Where the band starts playing (after a count-in of clicks).
    let bandStart: Tick
    /// Where the music ends: the end of the last bar, or of the ending.
    private(set) var end: Tick = 0

    static let clickChannel = PracticeConductor.clickChannel

    init(plan: PracticePlan, style: Style) throws(RenderError) {
        meter = style.meter
        let settings = plan.settings
        // What the style lacks, named as the render names it.
        if !SectionID.MainVariation.allCases.contains(where: { style.sections[.main($0)] != nil }) {
            throw .styleLacks(style.name, "a Main section")
        }
        if settings.intro, style.sections[.intro(1)] == nil { throw .styleLacks(style.name, "an Intro 1") }
        if settings.ending, style.sections[.ending(1)] == nil { throw .styleLacks(style.name, "an Ending 1") }
        var score: PracticeScore
        do throws(PracticeError) {
            guard plan.barCount != nil else { throw PracticeError("an endless loop has no last bar: give a number of times (x4)") }
            score = try PracticeScore(plan: plan, style: style)
        } catch {
            throw error.message == "the chart has no chords" ? .emptyChart : .badOption(error.description)
        }
        chartStart = score.chartStart
        bandStart = score.bandStart
        tempos = [(0, score.firstTempo)]
        while let events = score.next() {
            for (tick, event) in events {
                guard case .cue(let cue) = event else { continue }
                if case .command(.tempo(let t)) = cue, t != tempos.last?.tempo { tempos.append((tick, t)) }
                items.append((tick, cue))
            }
        }
        end = score.end ?? 0
    }
}
