import Arranger
import MusicCore
import Practice
import StyleEngine

/// Everything a render session needs to know before it starts: the cues at their frames,
/// where the music should end, and how to describe it.
struct RenderPlan {
    var title: String
    var cues: [(frame: Int, cue: RenderSession.Cue)]
    var endFrame: Int
    var bars: Int

    /// A song practised as `settings` say (choruses or a loop, count-in, intro, ending,
    /// ramp, keys, breaks, metronome).
    static func chart(
        _ chart: ChordChart, style: Style, tempo: Tempo, sampleRate: Int, settings: PracticeSettings
    ) throws -> RenderPlan {
        // A chart without a TimeSig line (such as --chart) is in the style's meter.
        let declared = chart.header["TimeSig"] != nil
        guard !declared || chart.meter == style.meter else {
            throw RenderError.badOption(
                "the chart is in \(chart.meter) but style '\(style.name)' is in \(style.meter)")
        }
        var chart = chart
        chart.meter = style.meter
        let plan: PracticePlan
        do {
            plan = try PracticePlan(chart: chart, settings: settings, tempo: tempo)
        } catch {
            throw RenderError.badOption(error.description)
        }
        let timeline = try RenderTimeline(plan: plan, style: style)
        return RenderPlan(timeline: timeline, title: chart.title.isEmpty ? "Chart" : chart.title, sampleRate: sampleRate)
    }

    init(title: String, cues: [(frame: Int, cue: RenderSession.Cue)], endFrame: Int, bars: Int) {
        self.title = title
        self.cues = cues
        self.endFrame = endFrame
        self.bars = bars
    }

    /// Ticks become frames exactly as the engine counts them: from the frame the band starts
    /// on (the engine's tick 0), each tick on the first frame at or after its time through
    /// the tempo changes, so a chord sent for a bar line arrives on the frame of that bar's
    /// first notes, at any tempo the ramp has reached.
    init(timeline: RenderTimeline, title: String, sampleRate: Int) {
        let countIn = FrameTime(tempo: timeline.tempos[0].tempo, sampleRate: sampleRate)
        let bandStartFrame = countIn.frame(atTick: timeline.bandStart)
        let band = TempoMapFrames(
            tempos: timeline.tempos.map { (max(0, $0.tick - timeline.bandStart), $0.tempo) }, sampleRate: sampleRate)
        func frame(_ tick: Tick) -> Int {
            tick < timeline.bandStart ? countIn.frame(atTick: tick) : bandStartFrame + band.frame(atTick: tick - timeline.bandStart)
        }
        self.title = title
        cues = timeline.items.map { item in
            switch item.item {
            case .command(let command): (frame(item.tick), .command(command))
            case .click(let event): (frame(item.tick), .event(event))
            case .marker(let name): (frame(item.tick), .marker(name))
            }
        }
        endFrame = frame(timeline.end)
        bars = timeline.end / timeline.meter.ticksPerBar()
    }
}
