import MusicCore

/// One event of the style's MIDI track at its absolute tick (file resolution).
struct YamahaTrackEvent: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case midi(MIDIEvent)
        case marker(String)
        case trackName(String)
        case tempo(microsecondsPerQuarter: Int)
        case timeSignature(numerator: Int, denominator: Int)
        case endOfTrack
    }
    var tick: Int
    var kind: Kind
}
