import Arranger
import MusicCore

extension BandSink {
    /// A note or controller the band itself plays (not the player's voices): by default, the
    /// same as `play`. The daemon's sink also copies it to the `out` port.
    public mutating func playBand(_ event: BandEvent) { play(event.event) }

    /// No recorder: a `record` control does nothing.
    public mutating func toggleRecording() {}
}
