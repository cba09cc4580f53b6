import MusicCore

/// A Yamaha style as imported: the playable `Style` plus what the file said and what the
/// importer had to leave out or guess (for `sideman styles inspect`).
public struct YamahaStyleImport: Hashable, Sendable {
    public enum Version: String, Hashable, Sendable { case sff1 = "SFF1", sff2 = "SFF2" }

    /// A section marker as written, and the section it became (nil: not one of ours, skipped).
    public struct Marker: Hashable, Sendable {
        public var name: String
        /// Tick in the file's own resolution.
        public var tick: Int
        public var section: SectionID?
    }

    public var style: Style
    public var version: Version
    /// Ticks per quarter note of the file (notes are rescaled to `PPQ.standard`).
    public var resolution: Int
    public var casm: YamahaCASM
    /// For each section and part, the channel table behind each of its tracks, in the
    /// same order as `Section.parts[part]` (nil: the channel had no table; defaults used).
    public var trackTables: [SectionID: [PartID: [YamahaChannelTable?]]]
    public var markers: [Marker]
    /// Everything left out, mapped or guessed, one line each.
    public var notes: [String]
}
