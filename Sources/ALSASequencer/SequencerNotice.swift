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
    /// The kernel's input buffer overflowed: events were lost before we could read them;
    /// `count` times since the last notice (at most one a second).
    case inputOverrun(count: Int)
    /// The ring to the consumer was full: `count` events dropped since the last notice (at
    /// most one a second).
    case ringFull(count: Int)
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
        case .inputOverrun(let n): "input overrun: events were lost (\(n) time\(n == 1 ? "" : "s") in the last second)"
        case .ringFull(let n): "input ring full: \(n) event\(n == 1 ? " was" : "s were") dropped in the last second"
        case .sysExDropped: "a SysEx message was dropped (too long or malformed)"
        case .readError(let e): "\(e)"
        }
    }
}
