/// One track (MTrk chunk) of a MIDI file: events at absolute ticks, in order.
public struct MIDITrack: Hashable, Sendable {
    public var events: [TimedMIDIEvent]

    public init(events: [TimedMIDIEvent] = []) { self.events = events }

    /// The first track-name meta event's text, if any.
    public var name: String? {
        for e in events {
            if case .meta(let m) = e.event, m.textKind == .trackName { return m.textValue }
        }
        return nil
    }

    /// The tick of the end-of-track event, or of the last event when there is none.
    public var endTick: Tick {
        for e in events.reversed() {
            if case .meta(.endOfTrack) = e.event { return e.tick }
        }
        return events.last?.tick ?? 0
    }

    /// Decodes the body of an MTrk chunk (useful for tracks nested in other chunks, such as
    /// Yamaha's OTSc). `baseOffset` is the body's offset in the file, for error messages.
    public init(chunkBody bytes: [UInt8], baseOffset: Int = 0, trackIndex: Int = 0) throws(MIDIFileError) {
        var decoder = MIDITrackDecoder(bytes: bytes, baseOffset: baseOffset, trackIndex: trackIndex)
        self.init(events: try decoder.decode())
    }

    /// Decodes a track the way players do, skipping damaged events (see MIDITrackDecoder);
    /// returns the track and what was skipped. Throws only for a track beyond repair.
    public static func repairing(chunkBody bytes: [UInt8], baseOffset: Int = 0, trackIndex: Int = 0) throws(MIDIFileError)
        -> (track: MIDITrack, damage: [MIDIFileError])
    {
        var decoder = MIDITrackDecoder(bytes: bytes, baseOffset: baseOffset, trackIndex: trackIndex, repairing: true)
        let events = try decoder.decode()
        return (MIDITrack(events: events), decoder.damage)
    }
}
