/// A Standard MIDI File as values: format, resolution, tracks of events at absolute ticks,
/// and any chunks that are not tracks (Yamaha style files append `CASM`, `OTSc`, `FNRc`
/// after the MTrk chunk; they are kept in order and written back after the tracks).
///
/// Reading: `MIDIFile.read(bytes)`; writing: `file.write()`. No file I/O here: the caller
/// reads and writes the bytes.
public struct MIDIFile: Hashable, Sendable {
    public enum Format: Int, Hashable, Sendable {
        /// One track holding every channel.
        case singleTrack = 0
        /// Tracks played together; the first usually holds the tempo map.
        case multiTrack = 1
        /// Independent sequences, one per track (read like format 1; rare).
        case multiSequence = 2
    }

    public var format: Format
    /// Resolution: ticks per quarter note (1920 in Yamaha styles, 480 or 96 elsewhere).
    public var ticksPerQuarter: Int
    public var tracks: [MIDITrack]
    /// Chunks other than MThd and MTrk, in file order, e.g. `CASM` and `OTSc` of a Yamaha
    /// style. MTrk chunks beyond the number the header declares are kept here too.
    public var extraChunks: [MIDIChunk]
    /// What a repairing read skipped: each damaged event (or cut-off track) with its track and
    /// byte offset. Empty for a sound file, and always after a strict read.
    public var damage: [MIDIFileError] = []

    public init(format: Format = .multiTrack, ticksPerQuarter: Int = PPQ.standard, tracks: [MIDITrack] = [], extraChunks: [MIDIChunk] = []) {
        self.format = format
        self.ticksPerQuarter = ticksPerQuarter
        self.tracks = tracks
        self.extraChunks = extraChunks
    }

    /// The first extra chunk with this id (e.g. "CASM"), if any.
    public func chunk(id: String) -> MIDIChunk? { extraChunks.first { $0.id == id } }

    /// All events of all tracks in one list ordered by tick; events at the same tick keep
    /// track order, then their order within the track. Each comes with its track index.
    public var mergedEvents: [(track: Int, event: TimedMIDIEvent)] {
        var all: [(track: Int, index: Int, event: TimedMIDIEvent)] = []
        for (t, track) in tracks.enumerated() {
            for (i, e) in track.events.enumerated() { all.append((t, i, e)) }
        }
        all.sort { a, b in
            if a.event.tick != b.event.tick { return a.event.tick < b.event.tick }
            if a.track != b.track { return a.track < b.track }
            return a.index < b.index
        }
        return all.map { ($0.track, $0.event) }
    }

    /// The tempo map of the file (tempo events from every track; 120 BPM until the first).
    public var tempoMap: MIDITempoMap { MIDITempoMap(file: self) }

    /// The first time signature in the file, if any.
    public var timeSignature: MIDITimeSignature? {
        var first: (tick: Tick, value: MIDITimeSignature)? = nil
        for track in tracks {
            for e in track.events {
                if case .meta(.timeSignature(let t)) = e.event, first == nil || e.tick < first!.tick {
                    first = (e.tick, t)
                    break
                }
            }
        }
        return first?.value
    }
}
