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

    /// The audio file (FLAC or WAV), if the take has one.
    public var audioFile: String? { files.first { $0.hasSuffix(".flac") || $0.hasSuffix(".wav") } }
    public var midiFile: String? { files.first { $0.hasSuffix(".mid") } }
}
