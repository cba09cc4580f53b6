import Arranger
import MusicCore
import Practice

/// The chart as a source of chords for the engine, stepped by the audio callback block by
/// block: it fires the cues its feed has read ahead whose ticks fall in the block about to be
/// rendered (at frame 0, where the engine applies commands, so a chord on a bar line reaches
/// that bar's first note), and keeps its own clock of ticks on the sample clock — the same
/// rational arithmetic and the same tempo changes, at the same blocks, as the engine's. At the
/// band's start it snaps to the engine's clock (which starts at frame 0 of that block).
///
/// Real time: stepping never allocates or frees; a new feed is swapped in by the caller and
/// the old one handed back to be freed elsewhere.
struct ChartSource: Sendable {
    private(set) var feed: ChartFeed?
    /// A cue taken from the feed that is not due yet.
    private var due: ChartFeed.Entry?
    /// Ticks at frame 0 of the next block, and the fraction of a tick past it (in 1/num of a
    /// tick: frames × den accumulate until they make whole ticks of num).
    private(set) var position: Tick = 0
    private var remainder = 0
    private var num = 1
    private var den = 1
    let sampleRate: Int
    /// The bar of the plan playing (-1 before the first) and where it began.
    private(set) var bar = -1
    private var barTick: Tick = 0
    private(set) var phase: ChartPhase = .idle
    /// BPM added to the song's tempo by tempo up/down while it plays.
    private(set) var tempoOffset = 0.0
    /// The tempo the clock runs at.
    private(set) var tempo = Tempo(bpm: 120)!
    /// A click still sounding, ended when the song is stopped.
    private var clickSounding = false
    /// Blocks that found the feed empty before the song's end (it never should be: the daemon
    /// reads dozens of bars ahead).
    private(set) var starvedBlocks = 0

    init(sampleRate: Int) {
        self.sampleRate = max(1, sampleRate)
    }

    /// Starts `new` from its beginning; the feed it replaces is returned for the caller to
    /// free off the audio thread. Whatever was playing stops first.
    mutating func load(
        _ new: inout ChartFeed?, engine: inout ArrangerEngine, click: (MIDIEvent) -> Void
    ) {
        stop(engine: &engine, click: click)
        swap(&feed, &new)
        due = nil
        position = 0
        remainder = 0
        bar = -1
        barTick = 0
        tempoOffset = 0
        if let feed {
            setTempo(feed.firstTempo)
            phase = .countIn
        }
    }

    /// Stops the song: the band stops at once (every note ended), the click ends. The feed
    /// stays, inert, until the next load swaps it out.
    mutating func stop(engine: inout ArrangerEngine, click: (MIDIEvent) -> Void) {
        guard phase != .idle, phase != .finished else { return }
        if clickSounding {
            click(.noteOff(channel: PracticeConductor.clickChannel, note: PracticeConductor.clickNote, velocity: 0))
            clickSounding = false
        }
        engine.send(.stop)
        phase = .idle
        due = nil
    }

    var isActive: Bool { phase != .idle && phase != .finished }

    /// Before the engine renders a block of `frames`: fires every cue up to the block's end.
    mutating func fire(frames: Int, engine: inout ArrangerEngine, click: (MIDIEvent) -> Void) {
        guard isActive, let feed else { return }
        // Tick t sounds in this block when (t - position) × num < remainder + frames × den:
        // before `end`, or on it when the block ends inside that tick.
        let run = remainder + frames * den
        let end = position + run / num
        let endInside = run % num != 0
        while true {
            guard let entry = due ?? feed.ring.pop() else {
                starvedBlocks += 1
                break
            }
            let tick = entry.tick
            guard tick < end || (tick == end && endInside) else {
                due = entry
                break
            }
            due = nil
            let cue = entry.cue
            switch cue {
            case .command(let command):
                if command == .start || command == .section(.intro(1)) {
                    // The engine starts at frame 0 of this block: so does the chart's tick.
                    position = tick
                    remainder = 0
                }
                if case .tempo(let written) = command {
                    let nudged = Tempo(bpm: min(Tempo.range.upperBound, max(Tempo.range.lowerBound, written.bpm + tempoOffset))) ?? written
                    setTempo(nudged)
                    engine.send(.tempo(nudged))
                } else {
                    engine.send(command)
                }
            case .click(let event):
                if case .noteOn = event { clickSounding = true } else { clickSounding = false }
                click(event)
            case .bar(let n):
                bar = n
                barTick = tick
                phase = .playing
            case .countIn: phase = .countIn
            case .intro: phase = .intro
            case .ending: phase = .ending
            case .end:
                phase = .finished
                return
            }
        }
    }

    /// Tempo up or down by `bpm` from now on, the song's later tempo changes moved as much.
    mutating func nudgeTempo(by bpm: Double, engine: inout ArrangerEngine) {
        guard isActive else { return }
        tempoOffset += bpm
        guard let nudged = Tempo(bpm: min(Tempo.range.upperBound, max(Tempo.range.lowerBound, tempo.bpm + bpm))) else { return }
        engine.send(.tempo(nudged))
    }

    /// After the engine rendered the block at `engineTempo`: the chart's clock moves on by
    /// `frames` (at the engine's tempo, so the two clocks never part).
    mutating func advance(frames: Int, engineTempo: Tempo) {
        guard isActive else { return }
        if engineTempo != tempo { setTempo(engineTempo) }
        remainder += frames * den
        position += remainder / num
        remainder %= num
    }

    /// Beat within the current bar (or within the count-in and intro, counted from 0).
    var beat: Int {
        guard let feed else { return 0 }
        let from = bar >= 0 ? barTick : 0
        let beatTicks = feed.meter.ticksPerBeat()
        return max(0, (position - from) / beatTicks) % feed.meter.beatsPerBar
    }

    private mutating func setTempo(_ tempo: Tempo) {
        self.tempo = tempo
        let r = tempo.samplesPerTick(sampleRate: sampleRate)
        var a = r.numerator, b = r.denominator
        while b != 0 { (a, b) = (b, a % b) }
        let n = r.numerator / a, d = r.denominator / a
        // Keep the fraction of a tick already run, in the new units.
        remainder = num == 0 ? 0 : remainder * n / num
        num = n
        den = d
    }
}
