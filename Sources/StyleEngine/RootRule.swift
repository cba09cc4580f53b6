import MusicCore

/// Note Transposition Rule (NTR).
public enum RootRule: Hashable, Sendable {
    /// Shift by the root's distance from the source root, and an octave down when the root
    /// is above `highKey` (Yamaha: high key F, F -> F3 A3 C4, F# -> F#2 A#2 C#3).
    case transpose(highKey: PitchClass)
    /// Keep the written register: each note moves to the nearest pitch of its mapped class.
    case fixed
}
