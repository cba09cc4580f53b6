import Arranger

/// Something the audio thread no longer needs and must not free itself: a reloaded
/// configuration carrying what it replaced, or a style the engine swapped out. The main
/// thread takes them from `LiveAudioState.retired` and lets them go.
enum LiveRetired: Sendable {
    case reconfiguration(LiveReconfiguration)
    case style(PreparedStyle)
}
