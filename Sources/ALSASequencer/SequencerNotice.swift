/// What the reader reports besides MIDI: connections made and lost, and trouble. Delivered on
/// the reader thread, for logging.
public enum SequencerNotice: Sendable, CustomStringConvertible {
    case connected(PortInfo)
    case connectFailed(PortInfo, ALSAError)
    /// Our `out` now sends to this port (`[out] connect`).
    case connectedOutput(PortInfo)
    case connectOutputFailed(PortInfo, ALSAError)
    case portGone(SequencerAddress)
    /// Someone connected `from` to `to` (any two ports, as the System client announces it).
    case subscribed(from: SequencerAddress, to: SequencerAddress)
    /// Input was lost since the last such notice (one per `withinSeconds` at most): the
    /// kernel's input buffer overflowed `overruns` times (its events gone before we could read
    /// them), and the ring to the consumer refused `dropped` events (the consumer behind).
    case inputLost(overruns: Int, dropped: Int, withinSeconds: Int)
    case sysExDropped
    case readError(ALSAError)

    public var description: String {
        switch self {
        case .connected(let p): "connected \(p)"
        case .connectFailed(let p, let e): "cannot connect \(p): \(e)"
        case .connectedOutput(let p): "connected out to \(p)"
        case .connectOutputFailed(let p, let e): "cannot connect out to \(p): \(e)"
        case .portGone(let a): "port gone \(a)"
        case .subscribed(let from, let to): "subscribed \(from) -> \(to)"
        case .inputLost(let overruns, let dropped, let seconds):
            "input lost (a flood, or a busy machine): \(Self.count(overruns, "overrun")) of the kernel's buffer, "
                + "\(Self.count(dropped, "event")) dropped by the full ring, since the last such line (one per \(seconds) s at most); "
                + "the player's held notes were released"
        case .sysExDropped: "a SysEx message was dropped (too long or malformed)"
        case .readError(let e): "\(e)"
        }
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
