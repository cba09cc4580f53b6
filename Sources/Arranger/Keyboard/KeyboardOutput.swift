import MusicCore

/// What the keyboard processor produces, stamped with the sample time it belongs to (the
/// same clock as its input).
public enum KeyboardOutput: Hashable, Sendable {
    /// For the arranger engine: chord changes, sync start and stop.
    case command(ArrangerCommand, time: Int64)
    /// For the synth: the player's own notes on the lead or left voice.
    case voice(MIDIEvent, time: Int64)

    public var time: Int64 {
        switch self {
        case .command(_, let t), .voice(_, let t): t
        }
    }
}
