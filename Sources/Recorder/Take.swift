/// One take in the recordings folder, as `sideman recordings list` shows it.
public struct Take: Hashable, Sendable, Codable {
    /// The file name without extension: what `play`, `export` and `delete` take.
    public var name: String
    /// The files of the take, file names only (`.mid`, `.flac` or `.wav`).
    public var files: [String]
    /// Length of the audio, in seconds (nil: no audio file, or it cannot be read).
    public var seconds: Double?
    public var bytes: Int
    /// Cut short (disk full, the writer too slow): the files hold what came before.
    public var incomplete: Bool

    public init(name: String, files: [String], seconds: Double?, bytes: Int, incomplete: Bool) {
        self.name = name
        self.files = files
        self.seconds = seconds
        self.bytes = bytes
        self.incomplete = incomplete
    }

    /// The marks of a take's separate audio files when an input was recorded: the band alone
    /// (`NAME.band.flac`) and your input alone (`NAME.input.flac`); `NAME.flac` is then the mix.
    public static let stems = ["band", "input"]

    /// The audio file as you heard it (FLAC or WAV): the band, or the band with your input.
    public var audioFile: String? {
        files.first { $0 == name + ".flac" || $0 == name + ".wav" }
            ?? files.first { $0.hasSuffix(".flac") || $0.hasSuffix(".wav") }
    }

    /// The band alone, when an input was recorded beside it (else `audioFile` is the band).
    public var bandFile: String? { files.first { $0.hasSuffix(".band.flac") || $0.hasSuffix(".band.wav") } }
    /// Your input alone, when one was recorded.
    public var inputFile: String? { files.first { $0.hasSuffix(".input.flac") || $0.hasSuffix(".input.wav") } }
    public var midiFile: String? { files.first { $0.hasSuffix(".mid") } }
}
