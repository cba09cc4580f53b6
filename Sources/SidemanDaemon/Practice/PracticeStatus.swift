/// The practice player's state, for `sideman status`, the control API's state stream and the
/// web remote: who leads, the song, where it is (bar and beat, 1-based as a musician counts),
/// the chord sounding and the next one (as shown for the player's instrument), the loop, the
/// chorus and the setlist. `sequence` grows by one with every change.
public struct PracticeStatus: Codable, Hashable, Sendable {
    public var sequence: Int = 0
    /// "chart" or "arranger".
    public var mode: String = ControlMode.arranger.rawValue
    /// The song's name and title, nil when none was played.
    public var song: String?
    public var title: String?
    /// "idle", "count-in", "intro", "playing", "ending", "finished".
    public var phase: String = ChartPhase.idle.description
    public var bar: Int?
    public var beat: Int?
    public var bars: Int?
    /// As shown for the player's instrument (concert pitch unless a display is set).
    public var chord: String?
    public var nextChord: String?
    /// The chord sounding, in concert pitch.
    public var concertChord: String?
    public var section: String?
    public var key: String?
    /// The loop asked for ("1-4x2"), and the pass through it or the chorus (1-based).
    public var loop: String?
    public var chorus: Int?
    public var tempo: Double?
    public var display: String?
    public var setlist: String?
    /// Position in the setlist (1-based) and its length.
    public var setlistPosition: Int?
    public var setlistCount: Int?
    /// Loop memories holding a progression (1…8).
    public var loopMemories: [Int] = []
    /// The chord looper records into this memory now.
    public var recordingMemory: Int?

    public init() {}

    /// Lines for `sideman status`, after the daemon's own.
    public var lines: [(String, String)] {
        var out: [(String, String)] = [("mode:", mode)]
        guard let song else { return out }
        out.append(("song:", title.map { $0 == song ? song : "\($0) (\(song))" } ?? song))
        var position = phase
        if let bar, let beat { position += ", bar \(bar)" + (bars.map { " of \($0)" } ?? "") + ", beat \(beat)" }
        out.append(("position:", position))
        out.append(("chord:", (chord ?? "-") + (concertChord != nil && concertChord != chord ? " (concert \(concertChord!))" : "")))
        out.append(("next chord:", nextChord ?? "-"))
        if let section { out.append(("section:", section)) }
        if let key { out.append(("key:", key)) }
        out.append(("loop:", loop ?? "off"))
        if let chorus { out.append((loop == nil ? "chorus:" : "pass:", "\(chorus)")) }
        if let setlist, let setlistPosition, let setlistCount {
            out.append(("setlist:", "\(setlist), song \(setlistPosition) of \(setlistCount)"))
        }
        if !loopMemories.isEmpty { out.append(("loop memories:", loopMemories.map(String.init).joined(separator: " "))) }
        return out
    }
}
