import Arranger
import MusicCore

extension TakeRecorder {
    /// The audio thread: a note or controller played at `frame`. A note-on starts an armed take;
    /// while a take runs the event is kept for its MIDI file (a full ring drops it, counted).
    /// Sounds (programs, banks, the mix) are passed on at any time, so that a take can begin
    /// with the sounds chosen before it.
    @inline(__always)
    public func keep(_ event: MIDIEvent, frame: Int64) {
        if case .noteOn(_, _, let velocity) = event, velocity.rawValue > 0 { tap.trigger() }
        if tap.isTaking || ChannelSounds.matters(event) { cues.push(.event(event, frame: frame)) }
    }

    /// The audio thread: a notice of the band (the band's start starts an armed take).
    @inline(__always)
    public func keep(_ notice: ArrangerNotice, blockFrame: Int64) {
        if case .started = notice { tap.trigger() }
        if tap.isTaking { cues.push(.notice(notice, blockFrame: blockFrame)) }
    }
}
