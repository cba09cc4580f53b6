import MusicCore

/// Static per-type tables, built once (touch `ChordTypeTables.warmUp()` before real time).
public enum ChordTypeTables {
    static let toneSets: [IntervalSet] = ChordType.allCases.map { IntervalSet($0.tones) }

    /// Forces the lazily built tables into existence, so the first chord change on the
    /// audio thread does not pay for (or allocate) them.
    public static func warmUp() {
        _ = toneSets.count
        _ = ChordScale.degreeTable.count
        _ = ChordScale.setTable.count
    }
}
