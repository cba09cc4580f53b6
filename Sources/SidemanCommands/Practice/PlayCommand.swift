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

    @OptionGroup(title: "Practice Options") var practice: PracticeOptions

    @Option(help: "Play in this key (e.g. Bb, Ebm): the whole song moved there.")
    var key: String?

    @Option(help: "Show chords for a transposing instrument: C, Bb, Eb or F (the sound stays in concert pitch).")
    var display: String?

    @Option(help: "Parts you play yourself (minus-one), muted: bass,chord1 …")
    var mute: String?

    @Option(help: "A part's volume, PART=0-127 (repeatable): --volume pad=50.")
    var volume: [String] = []

    @OptionGroup var connection: DaemonConnection

    public init() {}

    var request: PracticeRequest {
        var r = PracticeRequest(song: song)
        practice.apply(to: &r)
        r.key = key
        r.display = display
        r.mute = mute.map { $0.split(separator: ",").map(String.init) }
        r.volume = volume.isEmpty ? nil : volume
        return r
    }

    public func run() throws {
        try connection.send(.play(request), as: "play")
    }
}
