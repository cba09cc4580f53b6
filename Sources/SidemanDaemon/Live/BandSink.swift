import Arranger
import MusicCore

/// Where the live band's sound goes: the synthesizer in the daemon, a recorder in tests.
/// Called on the audio thread: implementations must not allocate, lock or log.
public protocol BandSink {
    /// Plays one event now (the start of the block being rendered).
    mutating func play(_ event: MIDIEvent)
    /// One event the band itself plays (default: `play`; BandSink+Band.swift).
    mutating func playBand(_ event: BandEvent)
    /// A `record` control was pressed (default: nothing; BandSink+Band.swift).
    mutating func toggleRecording()
}
