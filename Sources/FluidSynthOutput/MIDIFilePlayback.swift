import MusicCore

/// Plays a Standard MIDI File as a `RenderEventSource`: every channel message of every track,
/// at the frame its tick falls on through the file's tempo map.
public final class MIDIFilePlayback {
    public let events: [(frame: Int, event: MIDIEvent)]
    /// The frame of the last event (the music's length before any release tail).
    public var lengthInFrames: Int { events.last?.frame ?? 0 }
    private var next = 0
    private var position = 0

    public init(file: MIDIFile, sampleRate: Int) {
        let tempo = file.tempoMap
        events = file.mergedEvents.compactMap { _, timed in
            guard let event = timed.event.midiEvent, event.channel != nil else { return nil }
            let frame = Int((tempo.seconds(atTick: timed.tick) * Double(sampleRate)).rounded())
            return (frame, event)
        }
    }

    public var isFinished: Bool { next >= events.count }

    /// The event-source shape the offline renderer asks with.
    public func callAsFunction(_ frames: Int, _ emit: (Int, MIDIEvent) -> Void) {
        let end = position + frames
        while next < events.count, events[next].frame < end {
            emit(max(0, events[next].frame - position), events[next].event)
            next += 1
        }
        position = end
    }
}
