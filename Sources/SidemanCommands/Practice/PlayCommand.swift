import ArgumentParser
import SidemanDaemon

/// `sideman play SONG`: the running daemon's band plays a song or drill, live, with the same
/// practice options as `sideman render`.
public struct PlayCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a song or drill live: the band follows the chart (chart mode).",
        discussion: """
            SONG is a name from `sideman charts list` or a chart file's path. The daemon compiles \
            the practice plan and the band plays it on its own clock: count-in, intro, loop, ramp, \
            key cycle, chord breaks, metronome, then the ending (or the next song of a setlist). \
            Examples:
              sideman play blues-jazz-bb --tempo 140 --count-in 1 --metronome
              sideman play ii-v-i-major --keys fourths --ramp 100:160:+10 --loop 1-4
            """)

    @Argument(help: "The song: a name from `sideman charts list`, or a chart file.")
    var song: String

    @Option(help: "Tempo in BPM (default: the song's, else the style's).")
    var tempo: Double?

    @Option(help: "Play in this key (e.g. Bb, Ebm): the whole song moved there.")
    var key: String?

    @Option(help: "Loop bars or a section, N times or endlessly: 5-8, 5-8x4, B, Bx3.")
    var loop: String?

    @Option(help: "Tempo ramp A:B:+N in BPM, one step per chorus or loop pass (e.g. 100:160:+10).")
    var ramp: String?

    @Option(help: "Key cycle, one key per chorus or pass: fourths, fifths, chromatic, random[:SEED], or C,F,Bb.")
    var keys: String?

    @Option(name: .customLong("count-in"), help: "Bars of count-in, 0-2 (clicks, or the drums with --count-in-drums).")
    var countIn: Int?

    @Flag(name: .customLong("count-in-drums"), help: "Count in on the drums alone rather than clicks.")
    var countInDrums = false

    @Flag(help: "A click on every beat, on its own channel (3), apart from the drums.")
    var metronome = false

    @Option(help: "Chord breaks N:M: the band rests N bars in every M while you keep time (e.g. 2:8).")
    var breaks: String?

    @Option(help: "Show chords for a transposing instrument: C, Bb, Eb or F (the sound stays in concert pitch).")
    var display: String?

    @Flag(help: "Start with the style's intro.")
    var intro = false

    @Flag(help: "Finish with the style's ending.")
    var ending = false

    @Option(help: "Choruses (passes through the whole song) when not looping.")
    var choruses: Int?

    @Option(help: "Parts you play yourself (minus-one), muted: bass,chord1 …")
    var mute: String?

    @Option(help: "A part's volume, PART=0-127 (repeatable): --volume pad=50.")
    var volume: [String] = []

    @OptionGroup var connection: DaemonConnection

    public init() {}

    var request: PracticeRequest {
        var r = PracticeRequest(song: song)
        r.tempo = tempo
        r.key = key
        r.loop = loop
        r.ramp = ramp
        r.keys = keys
        r.countIn = countIn
        r.countInDrums = countInDrums ? true : nil
        r.metronome = metronome ? true : nil
        r.breaks = breaks
        r.display = display
        r.intro = intro ? true : nil
        r.ending = ending ? true : nil
        r.choruses = choruses
        r.mute = mute.map { $0.split(separator: ",").map(String.init) }
        r.volume = volume.isEmpty ? nil : volume
        return r
    }

    public func run() throws {
        try connection.send(.play(request), as: "play")
    }
}

/// `sideman stop`: the song (or, in arranger mode, the band) stops, every note ended.
public struct StopCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop the song playing (or the band, in arranger mode).")

    @OptionGroup var connection: DaemonConnection

    public init() {}

    public func run() throws { try connection.send(.stop, as: "stop") }
}

/// `sideman mode chart|arranger`: who leads the band.
public struct ModeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mode", abstract: "Who leads the band: chart (the song playing) or arranger (your left hand).")

    @Argument(help: "chart or arranger.")
    var mode: String

    @OptionGroup var connection: DaemonConnection

    public init() {}

    public func validate() throws {
        guard ControlMode(rawValue: mode) != nil else { throw ValidationError("mode \"\(mode)\": give chart or arranger") }
    }

    public func run() throws { try connection.send(.mode(ControlMode(rawValue: mode)!), as: "mode") }
}
