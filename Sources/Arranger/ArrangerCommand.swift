import MusicCore
import StyleEngine

/// Everything that can be asked of the arranger engine. Commands take effect at the start
/// of the next `advance` block (live: within one audio period; offline: exactly).
public enum ArrangerCommand: Hashable, Sendable {
    /// Start now (or at the next bar line if already running).
    case start
    /// Stop: every sounding note ends at once.
    case stop
    /// Arm sync start: the band starts on the next recognised chord.
    case syncStart(Bool)
    /// The chord changed; nil = cancel / no chord (rhythm keeps playing, the rest stops).
    case chord(Chord?)
    /// The chord after the current one and how many ticks from now it comes (a chart knows
    /// it; a live left hand does not, and never sends it). Walking bass parts lead into it on
    /// the last beat before the change. Replaced by the next one; forgotten once its tick has
    /// passed or the band stops.
    case nextChord(Chord, inTicks: Tick)
    /// A chord written ahead of its beat (a chart's `^`): the whole band changes now, without
    /// waiting for the beat. Chord parts strike it, the bass moves to it, the drums accent it.
    case push(Chord?)
    /// Ask for a section: a main (through its fill when auto-fill is on), a fill on the
    /// current main, the break, an intro (starts if stopped) or an ending (then stop).
    case section(SectionID)
    case autoFill(Bool)
    case tempo(Tempo)
    case mute(PartID, Bool)
    case volume(PartID, UInt7)
    /// Swap the style (takes effect at the next bar line; sounding notes are ended).
    case style(Style)
    /// Sustain off, All Sound Off and All Notes Off now on every channel the band drives (every
    /// sounding note ended first); the transport keeps its state.
    case panic
}

/// A MIDI event the band emits, placed `frame` samples into the block being rendered.
public struct BandEvent: Hashable, Sendable {
    public var frame: Int
    /// The part that produced it (nil for transport-wide events such as all-notes-off sweeps).
    public var part: PartID?
    public var event: MIDIEvent

    public init(frame: Int, part: PartID?, event: MIDIEvent) {
        self.frame = frame
        self.part = part
        self.event = event
    }
}
