/// What a remote asks of the recorder: a take now, the end of the take, or a take on the next
/// first note (the same as `sideman record start|stop|arm`).
public enum RecordAction: String, CaseIterable, Sendable {
    case start
    case stop
    case arm
}
