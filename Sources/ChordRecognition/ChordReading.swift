import MusicCore

/// What one recognition concludes about a set of held keys.
public enum ChordReading: Hashable, Sendable {
    /// A chord (possibly a slash chord in Fingered On Bass).
    case chord(Chord)
    /// Three adjacent keys: stop the chord (the rhythm keeps playing).
    case cancel
    /// Not a chord this mode knows: the previous chord keeps playing.
    case unrecognised

    public var chord: Chord? {
        if case .chord(let c) = self { return c }
        return nil
    }
}
