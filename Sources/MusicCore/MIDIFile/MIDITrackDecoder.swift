/// Decodes the events of one MTrk chunk body: delta times, running status, meta and
/// SysEx events. Running status is cleared at the start of every track; it survives meta
/// and SysEx events (the specification says they cancel it, but files exist that rely on
/// it, and a valid file never depends on it either way).
struct MIDITrackDecoder {
    private var reader: MIDIByteReader
    private let trackIndex: Int

    init(bytes: [UInt8], baseOffset: Int, trackIndex: Int) {
        reader = MIDIByteReader(bytes: bytes, baseOffset: baseOffset)
        self.trackIndex = trackIndex
    }

    /// Reads up to the end-of-track event (kept as the last event) or the end of the chunk.
    /// Bytes after an end-of-track event are ignored.
    mutating func decode() throws(MIDIFileError) -> [TimedMIDIEvent] {
        do {
            return try decodeEvents()
        } catch {
            throw error.inTrack(trackIndex)
        }
    }

    private mutating func decodeEvents() throws(MIDIFileError) -> [TimedMIDIEvent] {
        var events: [TimedMIDIEvent] = []
        var tick = 0
        var runningStatus: UInt8? = nil
        while !reader.isAtEnd {
            tick += try reader.readVariableLengthQuantity()
            let statusOffset = reader.fileOffset
            let first = try reader.readByte(or: .truncatedEvent)
            switch first {
            case 0xFF:
                let type = try reader.readByte(or: .truncatedEvent)
                let length = try reader.readVariableLengthQuantity()
                let data = try reader.readBytes(length, or: .truncatedEvent)
                let meta: MIDIMetaEvent
                do {
                    meta = try MIDIMetaEvent.decode(type: type, data: data)
                } catch {
                    throw MIDIFileError(error, offset: statusOffset)
                }
                events.append(TimedMIDIEvent(tick: tick, .meta(meta)))
                if meta == .endOfTrack { return events }
            case 0xF0, 0xF7:
                let length = try reader.readVariableLengthQuantity()
                let data = try reader.readBytes(length, or: .truncatedEvent)
                events.append(TimedMIDIEvent(tick: tick, .sysEx(MIDISysExEvent(kind: first == 0xF0 ? .message : .escape, data: data))))
            case 0xF1...0xFE:
                throw MIDIFileError(.unexpectedStatus(first), offset: statusOffset)
            case 0x80...0xEF:
                runningStatus = first
                let event = try readChannelMessage(status: first, firstData: nil)
                events.append(TimedMIDIEvent(tick: tick, .midi(event)))
            default:
                guard let status = runningStatus else {
                    throw MIDIFileError(.runningStatusWithoutStatus, offset: statusOffset)
                }
                let event = try readChannelMessage(status: status, firstData: first)
                events.append(TimedMIDIEvent(tick: tick, .midi(event)))
            }
        }
        return events
    }

    private mutating func readData() throws(MIDIFileError) -> UInt7 {
        let offset = reader.fileOffset
        let b = try reader.readByte(or: .truncatedEvent)
        guard let value = UInt7(rawValue: b) else { throw MIDIFileError(.dataByteExpected(b), offset: offset) }
        return value
    }

    private mutating func readChannelMessage(status: UInt8, firstData: UInt8?) throws(MIDIFileError) -> MIDIEvent {
        let channel = MIDIChannel(rawValue: status & 0x0F)!
        let d1: UInt7
        if let firstData {
            d1 = UInt7(rawValue: firstData)!
        } else {
            d1 = try readData()
        }
        switch status & 0xF0 {
        case 0x80: return .noteOff(channel: channel, note: d1, velocity: try readData())
        case 0x90: return .noteOn(channel: channel, note: d1, velocity: try readData())
        case 0xA0: return .polyPressure(channel: channel, note: d1, pressure: try readData())
        case 0xB0: return .controlChange(channel: channel, controller: d1, value: try readData())
        case 0xC0: return .programChange(channel: channel, program: d1)
        case 0xD0: return .channelPressure(channel: channel, pressure: d1)
        default:
            let msb = try readData()
            return .pitchBend(channel: channel, value: UInt14(lsb: d1.rawValue, msb: msb.rawValue))
        }
    }
}
