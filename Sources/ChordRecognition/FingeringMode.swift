/// How the left hand (or, in the Full Keyboard modes, both hands) tells the arranger the
/// chord: Yamaha's seven fingering modes. The raw value is the name the command line and
/// the configuration file use.
public enum FingeringMode: String, CaseIterable, Hashable, Sendable {
    /// One key = major; plus the nearest black key to its left = minor; plus the nearest
    /// white key to its left = 7; plus both = m7.
    case singleFinger = "single-finger"
    /// Single Finger shapes or Fingered chords, told apart automatically.
    case multiFinger = "multi-finger"
    /// The 34 Yamaha types, every accepted inversion.
    case fingered = "fingered"
    /// As Fingered, and the lowest note is the bass (slash chords).
    case fingeredOnBass = "fingered-on-bass"
    /// As Fingered, but one- and two-note shapes are read against the previous chord.
    case aiFingered = "ai-fingered"
    /// Both hands anywhere on the keyboard; harmony is told apart from the melody on top.
    case fullKeyboard = "full-keyboard"
    /// As Full Keyboard, and a harmony of fewer than three notes is read against the
    /// previous chord.
    case aiFullKeyboard = "ai-full-keyboard"

    /// True when both hands feed recognition (there is no chord zone).
    public var usesWholeKeyboard: Bool { self == .fullKeyboard || self == .aiFullKeyboard }
}
