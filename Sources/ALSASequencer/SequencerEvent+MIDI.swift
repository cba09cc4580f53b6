import MusicCore

extension SequencerEvent {
    /// The MIDI message this event carries, or nil for announcements, out-of-range data and
    /// kinds Sideman ignores. SysEx chunks come out as they are (reassemble with SysExAssembler).
    public var midiEvent: MIDIEvent? {
        func ch() -> MIDIChannel? { MIDIChannel(rawValue: channel) }
        func seven(_ v: Int) -> UInt7? { UInt7(v) }
        switch kind {
        case .noteOn:
            guard let c = ch(), let n = UInt7(rawValue: note), let v = UInt7(rawValue: velocity) else { return nil }
            return .noteOn(channel: c, note: n, velocity: v)
        case .noteOff:
            guard let c = ch(), let n = UInt7(rawValue: note), let v = UInt7(rawValue: velocity) else { return nil }
            return .noteOff(channel: c, note: n, velocity: v)
        case .keyPressure:
            guard let c = ch(), let n = UInt7(rawValue: note), let v = UInt7(rawValue: velocity) else { return nil }
            return .polyPressure(channel: c, note: n, pressure: v)
        case .controller:
            guard let c = ch(), param <= 127, let v = seven(Int(value)) else { return nil }
            return .controlChange(channel: c, controller: UInt7(clamping: Int(param)), value: v)
        case .programChange:
            guard let c = ch(), let v = seven(Int(value)) else { return nil }
            return .programChange(channel: c, program: v)
        case .channelPressure:
            guard let c = ch(), let v = seven(Int(value)) else { return nil }
            return .channelPressure(channel: c, pressure: v)
        case .pitchBend:
            // ALSA centres pitch bend on 0 (-8192...8191); the wire value centres on 8192.
            guard let c = ch(), let v = UInt14(rawValue: UInt16(clamping: Int(value) + 8192)),
                (-8192...8191).contains(value)
            else { return nil }
            return .pitchBend(channel: c, value: v)
        case .songPosition:
            guard let v = UInt14(rawValue: UInt16(clamping: Int(value))), value >= 0 else { return nil }
            return .songPosition(v)
        case .start: return .start
        case .continue: return .continue
        case .stop: return .stop
        case .clock: return .clock
        case .sensing: return .activeSensing
        case .reset: return .reset
        case .sysEx: return bytes.isEmpty ? nil : .sysEx(bytes)
        case .clientStart, .clientExit, .portStart, .portExit, .portSubscribed, .portUnsubscribed, .other:
            return nil
        }
    }

    /// The event that sends `midi` from `source`.
    public init(_ midi: MIDIEvent, source: SequencerAddress = SequencerAddress(client: 0, port: 0)) {
        switch midi {
        case .noteOn(let c, let n, let v):
            self.init(kind: .noteOn, source: source)
            (channel, note, velocity) = (c.rawValue, n.rawValue, v.rawValue)
        case .noteOff(let c, let n, let v):
            self.init(kind: .noteOff, source: source)
            (channel, note, velocity) = (c.rawValue, n.rawValue, v.rawValue)
        case .polyPressure(let c, let n, let p):
            self.init(kind: .keyPressure, source: source)
            (channel, note, velocity) = (c.rawValue, n.rawValue, p.rawValue)
        case .controlChange(let c, let cc, let v):
            self.init(kind: .controller, source: source)
            (channel, param, value) = (c.rawValue, UInt32(cc.rawValue), Int32(v.rawValue))
        case .programChange(let c, let p):
            self.init(kind: .programChange, source: source)
            (channel, value) = (c.rawValue, Int32(p.rawValue))
        case .channelPressure(let c, let p):
            self.init(kind: .channelPressure, source: source)
            (channel, value) = (c.rawValue, Int32(p.rawValue))
        case .pitchBend(let c, let v):
            self.init(kind: .pitchBend, source: source)
            (channel, value) = (c.rawValue, Int32(v.rawValue) - 8192)
        case .sysEx(let b):
            self.init(kind: .sysEx, source: source)
            bytes = b
        case .clock: self.init(kind: .clock, source: source)
        case .start: self.init(kind: .start, source: source)
        case .stop: self.init(kind: .stop, source: source)
        case .continue: self.init(kind: .continue, source: source)
        case .songPosition(let p):
            self.init(kind: .songPosition, source: source)
            value = Int32(p.rawValue)
        case .activeSensing: self.init(kind: .sensing, source: source)
        case .reset: self.init(kind: .reset, source: source)
        }
    }
}
