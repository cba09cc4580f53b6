import MusicCore
import StyleEngine

/// What the daemon asks of the chart source on the audio thread, through a ring. A new song's
/// feed moves in here and the one it replaces moves back out (to be freed off the audio
/// thread), as styles do in LiveReconfiguration.
enum ChartRequest: Sendable {
    /// Play this song from its start; `song` numbers it for the status.
    case load(ChartFeed, song: Int)
    /// Stop the song now (every note ended); the keyboard leads again if `keyboardLeads`.
    case stop(keyboardLeads: Bool)
    /// Tempo up or down by this many BPM from now on (on top of the song's tempo or ramp).
    case nudgeTempo(Double)
    /// An arranger control from the control socket, as if fired by a MIDI control.
    case control(ControlAction)
    /// A part muted or not, and its volume (a remote's mixer).
    case part(PartID, mute: Bool?, volume: UInt7?)
}
