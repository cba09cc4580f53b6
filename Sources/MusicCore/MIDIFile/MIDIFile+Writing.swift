extension MIDIFile {
    /// The largest delta time a variable-length quantity can hold.
    public static let maximumDelta = 0x0FFF_FFFF

    /// Encodes the file. The result is always a valid SMF: events are written in tick order
    /// (stable for equal ticks, negative ticks as 0), every track ends with exactly one
    /// end-of-track event (at the latest end-of-track or event tick), and extra chunks
    /// follow the tracks. Real-time and song-position messages have no place in a file and
    /// are left out; a `MIDIEvent.sysEx` is written as an F0 event.
    /// - Parameter runningStatus: omit repeated channel status bytes (smaller files).
    /// - Precondition: `ticksPerQuarter` is 1...32767 and gaps between events are at most
    ///   `maximumDelta` ticks.
    public func write(runningStatus: Bool = false) -> [UInt8] {
        precondition((1...0x7FFF).contains(ticksPerQuarter), "ticks per quarter must be 1...32767")
        let trackCount = UInt16(tracks.count)
        var out = MIDIChunk(
            id: "MThd",
            bytes: [
                0, UInt8(format.rawValue), UInt8(trackCount >> 8), UInt8(trackCount & 0xFF),
                UInt8(ticksPerQuarter >> 8), UInt8(ticksPerQuarter & 0xFF),
            ]
        ).encoded
        for track in tracks {
            out += MIDIChunk(id: "MTrk", bytes: track.encodedBody(runningStatus: runningStatus)).encoded
        }
        for chunk in extraChunks { out += chunk.encoded }
        return out
    }
}

extension MIDITrack {
    /// The body of this track's MTrk chunk (see `MIDIFile.write`).
    public func encodedBody(runningStatus: Bool = false) -> [UInt8] {
        var ordered = events.enumerated().map { (i, e) in (i, max(0, e.tick), e.event) }
        ordered.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        var endTick = ordered.last?.1 ?? 0
        var out: [UInt8] = []
        out.reserveCapacity(events.count * 4 + 4)
        var lastTick = 0
        var lastStatus: UInt8? = nil

        func writeDelta(_ tick: Int) {
            let delta = tick - lastTick
            precondition(delta <= MIDIFile.maximumDelta, "gap of \(delta) ticks is too long for a MIDI file")
            out += encodeVariableLengthQuantity(delta)
            lastTick = tick
        }

        for (_, tick, event) in ordered {
            switch event {
            case .meta(.endOfTrack):
                endTick = max(endTick, tick)
            case .meta(let meta):
                writeDelta(tick)
                out += [0xFF, meta.type] + encodeVariableLengthQuantity(meta.data.count) + meta.data
                lastStatus = nil
            case .sysEx(let sysEx):
                writeDelta(tick)
                out += [sysEx.kind.rawValue] + encodeVariableLengthQuantity(sysEx.data.count) + sysEx.data
                lastStatus = nil
            case .midi(.sysEx(let wire)):
                let sysEx = MIDISysExEvent(message: wire)
                writeDelta(tick)
                out += [0xF0] + encodeVariableLengthQuantity(sysEx.data.count) + sysEx.data
                lastStatus = nil
            case .midi(let message):
                guard let bytes = message.channelMessageBytes else { continue }
                writeDelta(tick)
                if runningStatus && bytes[0] == lastStatus {
                    out += bytes.dropFirst()
                } else {
                    out += bytes
                }
                lastStatus = bytes[0]
            }
        }
        writeDelta(endTick)
        out += [0xFF, 0x2F, 0x00]
        return out
    }
}

extension MIDIEvent {
    /// The wire bytes of a channel message (status first); nil for system messages.
    public var channelMessageBytes: [UInt8]? {
        switch self {
        case .noteOff(let c, let n, let v): [0x80 | c.rawValue, n.rawValue, v.rawValue]
        case .noteOn(let c, let n, let v): [0x90 | c.rawValue, n.rawValue, v.rawValue]
        case .polyPressure(let c, let n, let p): [0xA0 | c.rawValue, n.rawValue, p.rawValue]
        case .controlChange(let c, let n, let v): [0xB0 | c.rawValue, n.rawValue, v.rawValue]
        case .programChange(let c, let p): [0xC0 | c.rawValue, p.rawValue]
        case .channelPressure(let c, let p): [0xD0 | c.rawValue, p.rawValue]
        case .pitchBend(let c, let v): [0xE0 | c.rawValue, v.lsb, v.msb]
        default: nil
        }
    }
}

/// 7 bits per byte, most significant first, high bit set on all but the last byte.
func encodeVariableLengthQuantity(_ value: Int) -> [UInt8] {
    precondition(value >= 0 && value <= MIDIFile.maximumDelta, "variable-length quantity out of range: \(value)")
    var bytes: [UInt8] = [UInt8(value & 0x7F)]
    var rest = value >> 7
    while rest > 0 {
        bytes.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
        rest >>= 7
    }
    return bytes
}
