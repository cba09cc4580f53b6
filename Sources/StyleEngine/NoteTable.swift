/// Note Transposition Table (NTT).
public enum NoteTable: String, CaseIterable, Hashable, Sendable {
    case bypass
    case melody
    case chord
    case bass
    case melodicMinor
    case melodicMinor5th
    case harmonicMinor
    case harmonicMinor5th
    case naturalMinor
    case naturalMinor5th
    case dorian
    case dorian5th
    /// Guitar tables (all-purpose, stroke, arpeggio) are approximated by `chord`.
    case guitar
}
