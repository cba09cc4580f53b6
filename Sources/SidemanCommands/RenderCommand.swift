import ArgumentParser
import Foundation

/// `sideman render`: plays a chord chart (or a recorded performance) through the arranger
/// engine offline and writes a WAV and/or a MIDI file — a practice track without a keyboard.
public struct RenderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a chord chart or a recorded performance to WAV and/or MIDI.",
        discussion: """
            Chart: bars separated by '|', chords in a bar share its beats, NC = no chord:
              sideman render --chart "C7 | F7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | G7 |" \\
                --style medium-swing --choruses 4 --out blues.wav
            A practice track from the chart library:
              sideman render --song ii-v-i-major --choruses 12 --keys fourths --ramp 100:160:+5 --count-in 1 --out drill.wav
            The MIDI file has the band on channels 9-16 (rhythm 1 ... phrase 2), the player's right \
            hand on 1 and left hand on 2, the tempo, chord symbols as text events and sections as markers.
            """
    )

    @Option(help: "Chord chart: bars separated by '|'.")
    var chart: String?

    @Option(name: .customLong("chart-file"), help: "Chord chart file (Key = Value header lines, then bars).")
    var chartFile: String?

    @Option(help: "A recorded performance (.mid): the left hand below the split point plays the chords, the right hand the lead voice.")
    var input: String?

    @Option(help: "A song from the chart library (sideman charts list), with its style and tempo.")
    var song: String?

    @Option(help: "Style name or file (.style, or a Yamaha .sty/.prs/.sst/.bcs); default: the song's, else medium-swing.")
    var style: String?

    @OptionGroup(title: "Practice Options") var practice: PracticeOptions

    @Option(help: "Configuration file whose [chords] late window and anticipation the band uses, as live (default: /etc/sideman/sideman.toml if it exists).")
    var config: String?

    @Option(help: "SoundFont for the WAV (default: the first General MIDI SoundFont installed).")
    var soundfont: String?

    @Option(name: .customLong("out"), help: "Output file, .wav or .mid; may be given twice.")
    var outputs: [String] = []

    @Option(help: "Synth gain for the WAV, 0...2 (FluidSynth's default 0.2 leaves headroom for a full band).")
    var gain: Double = 0.2

    @Option(name: .customLong("sample-rate"), help: "WAV sample rate.")
    var sampleRate: Int = 48_000

    @Option(help: "Seed for the style's humanisation (same seed, same render).")
    var seed: UInt64 = 1

    @Option(help: "Input only: the split point; keys below it play chords (note name or number).")
    var split: String?

    @Option(name: .customLong("lead-program"), help: "Input only: General MIDI program (1-128) of the right hand's voice (default 1, piano).")
    var leadProgram: Int?

    @Option(name: .customLong("record-folder"), help: "Also record the render as a take in this folder (as `serve` records one: name by date, time and style; .mid and audio).")
    var recordFolder: String?

    @Option(name: .customLong("record-format"), help: "The take's audio: flac or wav.")
    var recordFormat = "flac"

    public init() {}

    public func run() throws {
        do {
            try render()
        } catch let error as ExitCode {
            throw error
        } catch {
            var line = "sideman render: \(error)\n"
            line.withUTF8 { FileHandle.standardError.write(Data($0)) }
            throw ExitCode.failure
        }
    }
}
