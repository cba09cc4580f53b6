/// An event of a MIDI file track at an absolute tick (not a delta: deltas exist only in the
/// encoded bytes).
public struct TimedMIDIEvent: Hashable, Sendable {
    public var tick: Tick
    public var event: MIDIFileEvent

    public init(tick: Tick, _ event: MIDIFileEvent) {
        self.tick = tick
        self.event = event
    }

    public init(tick: Tick, _ event: MIDIEvent) { self.init(tick: tick, .midi(event)) }
    public init(tick: Tick, _ meta: MIDIMetaEvent) { self.init(tick: tick, .meta(meta)) }
    public init(tick: Tick, _ sysEx: MIDISysExEvent) { self.init(tick: tick, .sysEx(sysEx)) }
}
