import ArgumentParser
import Practice
import SidemanDaemon

/// The practice options `sideman play` and `sideman render` share, declared once so that a
/// drill typed for one reads the same in the other: tempo, loop, ramp, key cycle, breaks,
/// count-in, metronome, intro, ending, choruses.
struct PracticeOptions: ParsableArguments {
    @Option(help: "Tempo in BPM (default: the song's, else the style's).")
    var tempo: Double?

    @Option(help: "Loop bars or a section, N times: 5-8x4, Bx3 (bars counted with repeats expanded); live, 5-8 or B alone loops endlessly.")
    var loop: String?

    @Option(help: "Tempo ramp A:B:+N in BPM, one step per chorus or loop pass (e.g. 100:160:+10).")
    var ramp: String?

    @Option(help: "Key cycle, one key per chorus or loop pass: fourths, fifths, chromatic, random[:SEED], or a list C,F,Bb.")
    var keys: String?

    @Option(name: .customLong("count-in"), help: "Bars of count-in before the band, 0-2 (clicks, or the drums with --count-in-drums; default 0).")
    var countIn: Int?

    @Flag(name: .customLong("count-in-drums"), help: "Count in with the drums alone instead of clicks.")
    var countInDrums = false

    @Flag(help: "A click on every beat, on its own channel (3), apart from the drums.")
    var metronome = false

    @Option(help: "Chord breaks N:M: the band rests N bars in every M while you keep time (e.g. 2:8).")
    var breaks: String?

    @Flag(help: "Start with the style's Intro 1.")
    var intro = false

    @Flag(help: "Finish with the style's Ending 1 (resolving to the chart's first chord).")
    var ending = false

    @Option(help: "Choruses (passes through the whole song) when not looping (default 1).")
    var choruses: Int?

    init() {}

    /// Whether any option that shapes a chart's practice (rather than a recorded take) is given.
    var shapesChart: Bool { loop != nil || ramp != nil || keys != nil || breaks != nil || metronome || countInDrums }

    /// The options as the daemon takes them: kept as typed, checked there (`PracticeRequest.settings`).
    func apply(to r: inout PracticeRequest) {
        r.tempo = tempo
        r.loop = loop
        r.ramp = ramp
        r.keys = keys
        r.countIn = countIn
        r.countInDrums = countInDrums ? true : nil
        r.metronome = metronome ? true : nil
        r.breaks = breaks
        r.intro = intro ? true : nil
        r.ending = ending ? true : nil
        r.choruses = choruses
    }

    /// The options as settings for an offline render, each checked with a one-line reason. A
    /// render has an end: a loop needs its number of passes.
    func renderSettings() throws(RenderError) -> PracticeSettings {
        var s = PracticeSettings()
        s.choruses = choruses ?? 1
        s.intro = intro
        s.ending = ending
        s.countIn = CountIn(bars: countIn ?? 0, kind: countInDrums ? .drums : .clicks)
        s.metronome = metronome
        if let loop {
            guard let l = PracticeLoop(loop) else {
                throw .badOption("--loop \"\(loop)\": give bars or a section, and how many times: 5-8x4, B x3")
            }
            guard l.times != nil else { throw .badOption("--loop \"\(loop)\": a render needs a number of times, e.g. \(loop)x4") }
            guard s.choruses == 1 else { throw .badOption("--loop counts its own passes: give --loop or --choruses") }
            s.loop = l
        }
        if let ramp {
            guard let r = TempoRamp(ramp) else {
                throw .badOption("--ramp \"\(ramp)\": give A:B:+N in BPM (20...400), e.g. 100:160:+10")
            }
            s.ramp = r
        }
        if let keys {
            guard let k = KeyCycle(keys) else {
                throw .badOption("--keys \"\(keys)\": give fourths, fifths, chromatic, random[:SEED] or keys such as C,F,Bb")
            }
            s.keys = k
        }
        if let breaks {
            let parts = breaks.split(separator: ":")
            guard parts.count == 2, let n = Int(parts[0]), let m = Int(parts[1]), let b = ChordBreaks(rest: n, every: m) else {
                throw .badOption("--breaks \"\(breaks)\": give N:M, the band resting N bars in every M (N < M), e.g. 2:8")
            }
            s.breaks = b
        }
        return s
    }
}
