import MusicCore

/// Moves written notes onto the chord being played (Yamaha's NTT/NTR/limits model; see
/// TranspositionPlan for the rules). Pure and deterministic.
public enum NoteTransposer {
    /// The note to play for `note` (written against `rules.sourceChord`) under `chord`, or
    /// nil when the track does not play on this chord or no key fits the note limits.
    public static func transpose(_ note: UInt7, rules: TranspositionRules, chord: Chord) -> UInt7? {
        TranspositionPlan(rules: rules, chord: chord).apply(note.intValue).flatMap { UInt7($0) }
    }
}
