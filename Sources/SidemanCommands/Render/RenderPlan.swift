import Arranger
import MusicCore
import StyleEngine

/// Everything a render session needs to know before it starts: the cues at their frames,
/// where the music should end, and how to describe it.
struct RenderPlan {
    var title: String
    var cues: [(frame: Int, cue: RenderSession.Cue)]
    var endFrame: Int
    var bars: Int

    /// A chord chart played `options.choruses` times (with count-in, intro, ending).
    static func chart(
        _ chart: ChordChart, style: Style, tempo: Tempo, sampleRate: Int, options: RenderTimeline.Options
    ) throws -> RenderPlan {
        // A chart without a TimeSig line (such as --chart) is in the style's meter.
        let declared = chart.header["TimeSig"] != nil
        guard !declared || chart.meter == style.meter else {
            throw RenderError.badOption(
                "the chart is in \(chart.meter) but style '\(style.name)' is in \(style.meter)")
        }
        let renderChart = RenderChart(
            title: chart.title.isEmpty ? "Chart" : chart.title, meter: style.meter,
            chordsPerBar: chart.bars.map { bar in bar.map(\.chord) })
        let timeline = try RenderTimeline(chart: renderChart, style: style, options: options)
        return RenderPlan(timeline: timeline, title: renderChart.title, tempo: tempo, sampleRate: sampleRate)
    }

    init(title: String, cues: [(frame: Int, cue: RenderSession.Cue)], endFrame: Int, bars: Int) {
        self.title = title
        self.cues = cues
        self.endFrame = endFrame
        self.bars = bars
    }

    /// Ticks become frames exactly as the engine counts them: from the frame the band starts
    /// on (the engine's tick 0), each tick on the first frame at or after its time, so a
    /// chord sent for a bar line arrives on the frame of that bar's first notes.
    init(timeline: RenderTimeline, title: String, tempo: Tempo, sampleRate: Int) {
        let time = FrameTime(tempo: tempo, sampleRate: sampleRate)
        let bandStartFrame = time.frame(atTick: timeline.bandStart)
        func frame(_ tick: Tick) -> Int {
            tick < timeline.bandStart ? time.frame(atTick: tick) : bandStartFrame + time.frame(atTick: tick - timeline.bandStart)
        }
        self.title = title
        cues = timeline.items.map { item in
            switch item.item {
            case .command(let command): (frame(item.tick), .command(command))
            case .click(let event): (frame(item.tick), .event(event))
            }
        }
        endFrame = frame(timeline.end)
        bars = timeline.end / timeline.meter.ticksPerBar()
    }
}
