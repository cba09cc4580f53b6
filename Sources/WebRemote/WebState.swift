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
    public var tempo: Double
    public var playing: Bool
    public var inputs: [String]
    public var lateCallbacks: UInt64
    public var audioRestarts: Int
    public var practice: PracticeStatus?

    public init(report: DaemonStatusReport) {
        state = report.state
        waitingFor = report.waitingFor
        style = report.style
        section = report.section
        chord = report.chord
        tempo = report.tempo
        playing = report.playing
        inputs = report.inputs
        lateCallbacks = report.lateCallbacks
        audioRestarts = report.audioRestarts
        practice = report.practice
    }

    /// Equal apart from the sequence number.
    func sameContent(as other: WebState) -> Bool {
        var a = self
        a.sequence = other.sequence
        return a == other
    }
}
