/// A `section` block as read: its bars and its tracks, turned into notes once the whole file is known.
struct SectionDraft: Sendable {
    var id: SectionID
    var line: Int
    var bars: Int?
    var tracks: [TrackDraft]
}
