import MusicCore

/// A part's sound and rules while a file is read, starting from the defaults a musician
/// would expect for that part (drums fixed, bass in the bass register, chords in the middle).
struct PartDraft: Sendable {
    var setup: PartSetup
    var rules: TranspositionRules
    /// Velocity of a plain note or an `x` step; accents and ghosts are relative to it.
    var velocity: Int = 100

    static func defaults(for part: PartID) -> PartDraft {
        func rules(_ table: NoteTable, _ low: UInt7, _ high: UInt7, _ retrigger: RetriggerRule) -> TranspositionRules {
            TranspositionRules(
                table: table, rootRule: .transpose(highKey: .fSharp), lowLimit: low, highLimit: high,
                retrigger: retrigger)
        }
        switch part {
        case .rhythm1, .rhythm2:
            return PartDraft(
                setup: PartSetup(program: 0, isDrumKit: true, volume: part == .rhythm1 ? 100 : 90, reverb: 30),
                rules: .drums)
        case .bass:
            // E1 ... G3: a four-string bass's range.
            return PartDraft(
                setup: PartSetup(program: 32, volume: 100, reverb: 20),
                rules: rules(.bass, 28, 55, .retriggerToRoot))
        case .chord1:
            return PartDraft(
                setup: PartSetup(program: 0, volume: 90, pan: 56, reverb: 40),
                rules: rules(.chord, 43, 84, .retrigger))
        case .chord2:
            // E2 ... E5: a guitar's range.
            return PartDraft(
                setup: PartSetup(program: 27, volume: 85, pan: 74, reverb: 40),
                rules: rules(.chord, 40, 76, .retrigger))
        case .pad:
            return PartDraft(
                setup: PartSetup(program: 48, volume: 75, reverb: 60),
                rules: rules(.chord, 43, 72, .retrigger))
        case .phrase1, .phrase2:
            return PartDraft(
                setup: PartSetup(program: 61, volume: 85, pan: part == .phrase1 ? 50 : 78, reverb: 50),
                rules: rules(.melody, 48, 84, .stop))
        }
    }
}
