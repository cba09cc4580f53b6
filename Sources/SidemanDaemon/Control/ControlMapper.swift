import MusicCore

/// Applies a ControlMapping to incoming messages, one at a time. Pure and allocation-free per
/// message (the CC state is preallocated), so it may run on the audio thread.
public struct ControlMapper: Sendable {
    public let mapping: ControlMapping
    /// The keyboard's channel; nil = omni. Default channel of CC triggers.
    public let keyboardChannel: MIDIChannel?
    private var resolved: [ControlTrigger: ControlAction] = [:]
    /// Last value seen per channel × controller, to fire on the press (rising past 64) only.
    private var ccHigh: [Bool] = Array(repeating: false, count: 16 * 128)

    public init(mapping: ControlMapping, keyboardChannel: MIDIChannel? = nil) {
        self.mapping = mapping
        self.keyboardChannel = keyboardChannel
        for (trigger, action) in mapping.triggers {
            var t = trigger
            if t.channel == nil {
                switch t.kind {
                case .note, .program: t.channel = mapping.controlChannel
                case .cc: t.channel = keyboardChannel  // nil = any channel
                }
            }
            resolved[t] = action
        }
    }

    private func lookup(_ kind: ControlTrigger.Kind, _ number: UInt7, _ channel: MIDIChannel) -> ControlAction? {
        resolved[ControlTrigger(kind, number, channel: channel)] ?? resolved[ControlTrigger(kind, number, channel: nil)]
    }

    public mutating func decide(_ event: MIDIEvent) -> ControlDecision {
        let onControlChannel = event.channel == mapping.controlChannel
        switch event {
        case .start: return mapping.transportMessages ? .act(.start) : .pass
        case .stop: return mapping.transportMessages ? .act(.stop) : .pass
        case .continue: return mapping.transportMessages ? .act(.continue) : .pass
        case .noteOn(let c, let n, let v) where v.rawValue > 0:
            if let action = lookup(.note, n, c) { return .act(action) }
        case .noteOn(let c, let n, _), .noteOff(let c, let n, _):
            if lookup(.note, n, c) != nil { return .consume }
        case .controlChange(let c, let cc, let v):
            if let action = lookup(.cc, cc, c) {
                let i = c.intValue * 128 + cc.intValue
                let wasHigh = ccHigh[i]
                ccHigh[i] = v.rawValue >= 64
                return !wasHigh && v.rawValue >= 64 ? .act(action) : .consume
            }
        case .programChange(let c, let p):
            if let action = lookup(.program, p, c) { return .act(action) }
            if onControlChannel && mapping.styleByProgramChange { return .act(.selectStyle(p.intValue)) }
        default:
            break
        }
        return onControlChannel ? .consume : .pass
    }
}
