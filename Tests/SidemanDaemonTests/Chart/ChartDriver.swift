import Arranger
import MusicCore
import Practice
import StyleEngine

@testable import SidemanDaemon

/// A band driven by a chart source block by block, as the audio callback drives it, with a
/// virtual clock (frames counted, no sound card): what the engine did, at which frame. The
/// song's feed is read on between blocks, as the daemon's tick reads it.
struct ChartDriver {
    var band: LiveBand
    var source = ChartSource(sampleRate: 48_000)
    var feed: ChartFeed?
    var sink = RecordingSink()
    var frame = 0
    /// Notices with the absolute frame they happened at.
    var notices: [(frame: Int, notice: ArrangerNotice)] = []
    /// Clicks with the frame of the block they were played in.
    var clicks: [(frame: Int, event: MIDIEvent)] = []
    /// The engine's tempo after each block that changed it.
    var tempos: [(frame: Int, bpm: Double)] = []

    init(style name: String = "bossa-nova") throws {
        var config = SidemanConfig()
        config.style.tempo = 120
        config.style.name = name
        band = LiveBand(styles: [LiveStyle(try style(name))], styleIndex: 0, config: config, sampleRate: 48_000)
    }

    mutating func load(_ plan: PracticePlan, muted: Set<PartID> = []) throws {
        let feed = ChartFeed(score: try PracticeScore(plan: plan, style: band.style, minusOne: muted))
        feed.fill()
        self.feed = feed
        var incoming: ChartFeed? = feed
        var clicked: [MIDIEvent] = []
        source.load(&incoming, engine: &band.engine, click: { clicked.append($0) })
        band.chartActive = true
    }

    /// Runs `blocks` blocks of 64 frames.
    mutating func run(blocks: Int) {
        for _ in 0..<blocks { step() }
    }

    /// Runs until the song is over (or `limit` blocks).
    mutating func runToEnd(limit: Int = 200_000) {
        var n = 0
        while source.phase != .finished, n < limit {
            step()
            n += 1
        }
        run(blocks: 100)  // the last notes' ends
    }

    mutating func step() {
        let start = frame
        var played: [MIDIEvent] = []
        source.fire(frames: 64, engine: &band.engine, click: { played.append($0) })
        for e in played {
            clicks.append((start, e))
            sink.play(e)
        }
        var got: [ArrangerNotice] = []
        band.advance(frames: 64, into: &sink, notify: { got.append($0) })
        for n in got { notices.append((start + n.frame, n)) }
        let before = tempos.last?.bpm
        source.advance(frames: 64, engineTempo: band.engine.currentTempo)
        if band.engine.currentTempo.bpm != before { tempos.append((start, band.engine.currentTempo.bpm)) }
        frame += 64
        feed?.fill()
    }

    /// The chord sounding at each bar line the band played (bar notices in order).
    var chordsPerBar: [Chord?] {
        var chord: Chord?
        var result: [Chord?] = []
        var barFrames: [Int] = []
        for (f, n) in notices {
            if case .bar = n { barFrames.append(f) }
        }
        var i = 0
        for (f, n) in notices {
            _ = f
            switch n {
            case .chordChanged(let c, _): chord = c
            case .bar:
                // A chord fired in the bar line's own block counts for the bar.
                var c = chord
                var j = i + 1
                while j < notices.count, notices[j].frame - notices[i].frame < 64 {
                    if case .chordChanged(let later, _) = notices[j].notice { c = later }
                    j += 1
                }
                result.append(c)
            default: break
            }
            i += 1
        }
        _ = barFrames
        return result
    }
}
