/// One `part:` block inside a section: which part, on which chords, and its pattern lines.
struct TrackDraft: Sendable {
    var part: PartID
    var typeMask: UInt64
    var line: Int
    var lines: [SourceLine]
}
