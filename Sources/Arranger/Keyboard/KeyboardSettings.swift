import ChordRecognition
import MusicCore

/// How the player's keyboard is divided and read. Changing any of these while keys are
/// held is safe: each held key keeps the role and the sounding note it started with.
public struct KeyboardSettings: Hashable, Sendable {
    /// Keys below this note are the chord zone (left hand); this key and above play the
    /// lead voice. Default F#3 (54), as on Yamaha arrangers.
    public var splitPoint: UInt7 = 54
    public var fingering: FingeringMode = .fingered
    /// Staggered presses within this many milliseconds are read as one chord.
    public var settleMilliseconds: Int = 10
    /// Releasing the chord keys keeps the chord playing; off = the chord stops (the rhythm
    /// plays on).
    public var chordMemory = true
    /// Releasing every chord key stops the band (and arms sync start for the next chord).
    /// Not available in the Full Keyboard modes, where hands come and go with the tune.
    public var syncStop = false
    /// Semitones applied to both hands and to the recognised chord.
    public var transpose = 0
    /// The right hand's voice.
    public var leadChannel: MIDIChannel = 0
    /// Whether the left hand also sounds (through its own voice) besides naming chords.
    public var leftVoice = false
    public var leftChannel: MIDIChannel = 1

    public init() {}
}
