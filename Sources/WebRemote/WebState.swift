import SidemanDaemon

/// What the page shows, as /api/state and the /api/events stream send it: the status report
/// without the figures that move on every audio block (uptime, block count), so that a new
/// value means something changed. `sequence` grows by one with every change.
public struct WebState: Codable, Hashable, Sendable {
    public var sequence = 0
    public var state: String
    public var waitingFor: String?
    public var style: String
    public var section: String?
    public var chord: String?
    /// The song's next chord (as shown for the player's instrument) while a song leads; the
    /// left hand's next chord cannot be known.
    public var nextChord: String?
    /// Bar and beat, 1-based, whoever leads: the song's bar in chart mode, bars since the band
    /// started in arranger mode; nil while stopped.
    public var bar: Int?
    public var beat: Int?
    public var beatsPerBar: Int?
    public var tempo: Double
    public var playing: Bool
    /// Every part: muted or not, and its volume.
    public var parts: [PartStatus]
    public var inputs: [String]
    public var lateCallbacks: UInt64
    public var audioRestarts: Int
    public var practice: PracticeStatus?
    /// The recorder: idle, armed, recording (whole seconds), or refused (too little free space).
    public var record: RecorderStatus?

    public init(report: DaemonStatusReport) {
        state = report.state
        waitingFor = report.waitingFor
        style = report.style
        section = report.section
        chord = report.chord
        tempo = report.tempo
        playing = report.playing
        parts = report.parts
        inputs = report.inputs
        lateCallbacks = report.lateCallbacks
        audioRestarts = report.audioRestarts
        practice = report.practice
        beatsPerBar = report.beatsPerBar
        if let p = report.practice, p.mode == "chart", p.song != nil, p.phase != "idle", p.phase != "finished" {
            nextChord = p.nextChord
            bar = p.bar
            beat = p.beat
        } else {
            bar = report.bar
            beat = report.beat
        }
        // A take's length in whole seconds: a change a second, not one every poll.
        var record = report.record
        record?.seconds = report.record?.seconds.map { $0.rounded(.down) }
        self.record = record
    }

    /// Equal apart from the sequence number.
    func sameContent(as other: WebState) -> Bool {
        var a = self
        a.sequence = other.sequence
        return a == other
    }
}
