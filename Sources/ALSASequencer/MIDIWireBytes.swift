import MusicCore

/// MIDI messages as wire bytes, for tools and tests that speak in hex ("90 3C 64").
public enum MIDIWireBytes {
    /// The wire bytes of `event` (running status never used).
    public static func encode(_ event: MIDIEvent) -> [UInt8] {
        switch event {
        case .noteOff(let c, let n, let v): [0x80 | c.rawValue, n.rawValue, v.rawValue]
        case .noteOn(let c, let n, let v): [0x90 | c.rawValue, n.rawValue, v.rawValue]
        case .polyPressure(let c, let n, let p): [0xA0 | c.rawValue, n.rawValue, p.rawValue]
        case .controlChange(let c, let cc, let v): [0xB0 | c.rawValue, cc.rawValue, v.rawValue]
        case .programChange(let c, let p): [0xC0 | c.rawValue, p.rawValue]
        case .channelPressure(let c, let p): [0xD0 | c.rawValue, p.rawValue]
        case .pitchBend(let c, let v): [0xE0 | c.rawValue, v.lsb, v.msb]
        case .sysEx(let bytes): bytes
        case .songPosition(let p): [0xF2, p.lsb, p.msb]
        case .clock: [0xF8]
        case .start: [0xFA]
        case .continue: [0xFB]
        case .stop: [0xFC]
        case .activeSensing: [0xFE]
        case .reset: [0xFF]
        }
    }

    public enum DecodeError: Error, Equatable, CustomStringConvertible {
        case notHex(String)
        case noStatusByte(offset: Int)
        case truncated(offset: Int)
        case unsupported(status: UInt8, offset: Int)

        public var description: String {
            switch self {
            case .notHex(let t): "'\(t)' is not a hex byte"
            case .noStatusByte(let o): "byte \(o): data byte where a status byte was expected"
            case .truncated(let o): "byte \(o): message cut short"
            case .unsupported(let s, let o): "byte \(o): unsupported status \(String(s, radix: 16, uppercase: true))"
            }
        }
    }

    /// Parses hex text such as "90 3C 64 80 3C 40" (spaces optional between bytes).
    public static func parseHex(_ text: String) throws(DecodeError) -> [UInt8] {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count % 2 == 0 else { throw .notHex(text) }
        var bytes: [UInt8] = []
        var i = digits.startIndex
        while i < digits.endIndex {
            let j = digits.index(i, offsetBy: 2)
            guard let b = UInt8(digits[i..<j], radix: 16) else { throw .notHex(String(digits[i..<j])) }
            bytes.append(b)
            i = j
        }
        return bytes
    }

    /// Splits complete wire messages (no running status) into events.
    public static func decode(_ bytes: [UInt8]) throws(DecodeError) -> [MIDIEvent] {
        var events: [MIDIEvent] = []
        var i = 0
        func data(_ k: Int) throws(DecodeError) -> UInt7 {
            guard i + k < bytes.count else { throw .truncated(offset: i) }
            guard let v = UInt7(rawValue: bytes[i + k]) else { throw .truncated(offset: i + k) }
            return v
        }
        while i < bytes.count {
            let status = bytes[i]
            guard status >= 0x80 else { throw .noStatusByte(offset: i) }
            let c = MIDIChannel(rawValue: status & 0x0F)!
            switch status & 0xF0 {
            case 0x80: events.append(.noteOff(channel: c, note: try data(1), velocity: try data(2))); i += 3
            case 0x90: events.append(.noteOn(channel: c, note: try data(1), velocity: try data(2))); i += 3
            case 0xA0: events.append(.polyPressure(channel: c, note: try data(1), pressure: try data(2))); i += 3
            case 0xB0: events.append(.controlChange(channel: c, controller: try data(1), value: try data(2))); i += 3
            case 0xC0: events.append(.programChange(channel: c, program: try data(1))); i += 2
            case 0xD0: events.append(.channelPressure(channel: c, pressure: try data(1))); i += 2
            case 0xE0:
                let lsb = try data(1), msb = try data(2)
                events.append(.pitchBend(channel: c, value: UInt14(lsb: lsb.rawValue, msb: msb.rawValue))); i += 3
            default:
                switch status {
                case 0xF0:
                    guard let end = bytes[i...].firstIndex(of: 0xF7) else { throw .truncated(offset: i) }
                    events.append(.sysEx(Array(bytes[i...end]))); i = end + 1
                case 0xF2:
                    let lsb = try data(1), msb = try data(2)
                    events.append(.songPosition(UInt14(lsb: lsb.rawValue, msb: msb.rawValue))); i += 3
                case 0xF8: events.append(.clock); i += 1
                case 0xFA: events.append(.start); i += 1
                case 0xFB: events.append(.continue); i += 1
                case 0xFC: events.append(.stop); i += 1
                case 0xFE: events.append(.activeSensing); i += 1
                case 0xFF: events.append(.reset); i += 1
                default: throw .unsupported(status: status, offset: i)
                }
            }
        }
        return events
    }
}
