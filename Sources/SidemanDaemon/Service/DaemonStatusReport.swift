import ProcessMemory

/// What `sideman status` shows: the running daemon's state as the control socket sends it
/// (JSON, one object). Built off the audio thread from the atomics it publishes.
public struct DaemonStatusReport: Codable, Hashable, Sendable {
    /// "starting", "waiting", "running" or "stopping".
    public var state: String
    /// What the daemon waits for ("sound card hw:0,0", "a keyboard", "a chord"), if anything.
    public var waitingFor: String?
    public var style: String
    /// The section playing ("Main A"), nil while the band is stopped.
    public var section: String?
    public var chord: String?
    public var tempo: Double
    public var playing: Bool
    /// Connected MIDI inputs, as "client:port name".
    public var inputs: [String]
    /// What `out` (`Sideman:1`) is connected to by `[out] connect`, as "client:port name".
    public var outputs: [String] = []
    /// What else `out` is connected to: by hand (`aconnect Sideman:1 …`), nil if nothing.
    public var outputsByHand: [String]? = nil
    public var audioDevice: String
    public var sampleRate: Int
    public var periodSize: Int
    public var periods: Int
    /// Audio blocks the engine has advanced (64 frames each).
    public var blocks: UInt64
    /// Callbacks later than the sound card's buffer lasts: likely underruns (xruns).
    public var lateCallbacks: UInt64
    public var uptimeSeconds: Double
    public var configFile: String?
    /// Reloads (SIGHUP) applied, and the last refused one's error line.
    public var reloads: Int
    public var lastReloadError: String?
    public var pid: Int32
    /// Times the sound card's driver stopped and was reopened without restarting the daemon.
    public var audioRestarts: Int = 0
    /// The practice player: who leads, the song, bar and beat, chords, loop, chorus, setlist.
    public var practice: PracticeStatus?
    /// The recorder: armed, recording, refused (too little free space) … (nil: not running).
    public var record: RecorderStatus? = nil
    /// Every part of the band: muted or not, and its volume.
    public var parts: [PartStatus] = []
    /// Where the band is (1-based, as a musician counts; nil while stopped), and the beats in
    /// a bar of the style playing.
    public var bar: Int? = nil
    public var beat: Int? = nil
    public var beatsPerBar: Int? = nil
    /// Resident set and heap (the socket's `status` only: reading the heap takes the
    /// allocator's locks, too dear for the web's 20 ms poll).
    public var memory: ProcessMemory? = nil

    public init(
        state: String, waitingFor: String? = nil, style: String, section: String? = nil, chord: String? = nil,
        tempo: Double, playing: Bool, inputs: [String], audioDevice: String, sampleRate: Int, periodSize: Int,
        periods: Int, blocks: UInt64, lateCallbacks: UInt64, uptimeSeconds: Double, configFile: String?,
        reloads: Int, lastReloadError: String?, pid: Int32
    ) {
        self.state = state
        self.waitingFor = waitingFor
        self.style = style
        self.section = section
        self.chord = chord
        self.tempo = tempo
        self.playing = playing
        self.inputs = inputs
        self.audioDevice = audioDevice
        self.sampleRate = sampleRate
        self.periodSize = periodSize
        self.periods = periods
        self.blocks = blocks
        self.lateCallbacks = lateCallbacks
        self.uptimeSeconds = uptimeSeconds
        self.configFile = configFile
        self.reloads = reloads
        self.lastReloadError = lastReloadError
        self.pid = pid
    }
}
