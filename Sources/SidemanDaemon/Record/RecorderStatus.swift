/// The recorder as `sideman status` shows it.
public struct RecorderStatus: Codable, Hashable, Sendable {
    /// off, armed, always (the `[record] mode`).
    public var mode: String
    /// "idle", "armed", "recording", or "refused" (too little free space).
    public var state: String
    /// The take being recorded, and its length so far in seconds.
    public var take: String?
    public var seconds: Double?
    /// The last take finished.
    public var lastTake: String?
    /// Why the last take was cut short or refused (one line), if it was.
    public var problem: String?
    public var folder: String
    public var freeMB: Int?

    public init(mode: String, state: String, folder: String) {
        self.mode = mode
        self.state = state
        self.folder = folder
    }

    /// One line for `sideman status`.
    public var summary: String {
        var text = "\(state)"
        if let take { text += " \"\(take)\"" + (seconds.map { String(format: " %.1f s", $0) } ?? "") }
        if state != "recording", let lastTake { text += ", last take \"\(lastTake)\"" }
        if let problem { text += " (\(problem))" }
        return text + " [mode \(mode), \(folder)]"
    }
}
