/// Decodes the events of one MTrk chunk body: delta times, running status, meta and
/// SysEx events. Running status is cleared at the start of every track; it survives meta
/// and SysEx events (the specification says they cancel it, but files exist that rely on
/// it, and a valid file never depends on it either way).
///
/// Repairing (as keyboards and other players read files): a damaged event — a status byte
/// where data belongs, a byte flipped, a length that runs off — is skipped and decoding goes
/// on at the next place where the track reads cleanly again; each skip is kept in `damage`.
/// A track with more damage than `damageLimit`, or with no clean place after the damage, is
/// beyond repair and throws the first problem.
struct MIDITrackDecoder {
    private(set) var reader: MIDIByteReader
    private let trackIndex: Int
    private let repairing: Bool
    /// The damaged events skipped, each with its problem and byte offset.
    private(set) var damage: [MIDIFileError] = []
    /// Keys sounding now (channel × 128 + key), so that a repair can tell a clean reading
    /// (its note-offs end notes that were on) from a shifted one (note-offs out of nowhere).
    private(set) var sounding: Set<Int> = []
    /// The longest delta time read so far: a repair that resumes with a longer one has read
    /// damaged bytes as a delta, and would move the rest of the track in time.
    private(set) var longestDelta = 0

    /// Decoding state between events.
    struct State {
        var tick = 0
        var runningStatus: UInt8? = nil
    }

    /// How many bytes after a damaged event's status are tried as the start of the next event.
    static let searchWindow = 24
    /// How many events a candidate must decode cleanly to count as the track again (fewer when
    /// the track ends cleanly sooner).
    static let trialEvents = 24

    init(bytes: [UInt8], baseOffset: Int, trackIndex: Int, repairing: Bool = false) {
        reader = MIDIByteReader(bytes: bytes, baseOffset: baseOffset)
        self.trackIndex = trackIndex
        self.repairing = repairing
    }

    /// More skips than this (8, plus one per 100 bytes) and the track is beyond repair.
    var damageLimit: Int { 8 + reader.bytes.count / 100 }

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
        var state = State()
        while !reader.isAtEnd {
            let start = reader.position
            var after = state
            do {
                let event = try Self.decodeEvent(&reader, &after)
                longestDelta = max(longestDelta, after.tick - state.tick)
                state = after
                events.append(event)
                if repairing { Self.follow(event, &sounding) }
                if event.event == .meta(.endOfTrack) { return events }
            } catch {
                guard repairing else { throw error }
                damage.append(error.inTrack(trackIndex))
                // `after` holds the damaged event's delta time when it could be read.
                guard damage.count <= damageLimit else { throw damage[0] }
                guard let resume = resynchronise(from: start, before: state, after: after, problem: error) else {
                    // Nothing clean follows: a track cut short keeps what it had; anything else is lost.
                    if error.problem == .truncatedEvent || reader.bytes.count - start <= Self.searchWindow { return events }
                    throw damage[0]
                }
                if let kept = resume.kept {
                    events.append(kept)
                    Self.follow(kept, &sounding)
                }
                reader.seek(to: resume.position)
                state = resume.state
            }
        }
        if repairing { damage.append(MIDIFileError(.missingEndOfTrack, offset: reader.fileOffset, trackIndex: trackIndex)) }
        return events
    }

    /// One event: delta time, then a meta, SysEx or channel message. `state` advances as the
    /// event is read (its tick already includes the delta if the event body fails).
    static func decodeEvent(_ reader: inout MIDIByteReader, _ state: inout State) throws(MIDIFileError) -> TimedMIDIEvent {
        state.tick += try reader.readVariableLengthQuantity()
        let statusOffset = reader.fileOffset
        let first = try reader.readByte(or: .truncatedEvent)
        switch first {
        case 0xFF:
            let type = try reader.readByte(or: .truncatedEvent)
            let length = try reader.readVariableLengthQuantity()
            let data = try reader.readBytes(length, or: .truncatedEvent)
            do {
                return TimedMIDIEvent(tick: state.tick, .meta(try MIDIMetaEvent.decode(type: type, data: data)))
            } catch {
                throw MIDIFileError(error, offset: statusOffset)
            }
        case 0xF0, 0xF7:
            let length = try reader.readVariableLengthQuantity()
            let data = try reader.readBytes(length, or: .truncatedEvent)
            return TimedMIDIEvent(tick: state.tick, .sysEx(MIDISysExEvent(kind: first == 0xF0 ? .message : .escape, data: data)))
        case 0xF1...0xFE:
            throw MIDIFileError(.unexpectedStatus(first), offset: statusOffset)
        case 0x80...0xEF:
            state.runningStatus = first
            let event = try readChannelMessage(&reader, status: first, firstData: nil)
            return TimedMIDIEvent(tick: state.tick, .midi(event))
        default:
            guard let status = state.runningStatus else {
                throw MIDIFileError(.runningStatusWithoutStatus, offset: statusOffset)
            }
            return TimedMIDIEvent(tick: state.tick, .midi(try readChannelMessage(&reader, status: status, firstData: first)))
        }
    }

    private static func readData(_ reader: inout MIDIByteReader) throws(MIDIFileError) -> UInt7 {
        let offset = reader.fileOffset
        let b = try reader.readByte(or: .truncatedEvent)
        guard let value = UInt7(rawValue: b) else { throw MIDIFileError(.dataByteExpected(b), offset: offset) }
        return value
    }

    private static func readChannelMessage(_ reader: inout MIDIByteReader, status: UInt8, firstData: UInt8?) throws(MIDIFileError) -> MIDIEvent {
        let channel = MIDIChannel(rawValue: status & 0x0F)!
        let d1: UInt7
        if let firstData {
            d1 = UInt7(rawValue: firstData)!
        } else {
            d1 = try readData(&reader)
        }
        switch status & 0xF0 {
        case 0x80: return .noteOff(channel: channel, note: d1, velocity: try readData(&reader))
        case 0x90: return .noteOn(channel: channel, note: d1, velocity: try readData(&reader))
        case 0xA0: return .polyPressure(channel: channel, note: d1, pressure: try readData(&reader))
        case 0xB0: return .controlChange(channel: channel, controller: d1, value: try readData(&reader))
        case 0xC0: return .programChange(channel: channel, program: d1)
        case 0xD0: return .channelPressure(channel: channel, pressure: d1)
        default:
            let msb = try readData(&reader)
            return .pitchBend(channel: channel, value: UInt14(lsb: d1.rawValue, msb: msb.rawValue))
        }
    }
}
