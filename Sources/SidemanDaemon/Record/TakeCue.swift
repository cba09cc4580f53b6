import Arranger
import MusicCore

/// What the audio thread hands the take recorder beside the audio: a note or controller played
/// (the player's hands or the band) or a notice (chord, section, tempo, start, stop), at the
/// audio frame it happened. Plain values: pushing one copies no heap memory.
public enum TakeCue: Sendable {
    case event(MIDIEvent, frame: Int64)
    case notice(ArrangerNotice, blockFrame: Int64)
}
