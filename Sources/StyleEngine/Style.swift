import MusicCore

/// A complete accompaniment style: the sound of each part and the patterns of each section.
/// Our own text styles and imported Yamaha styles both become this one value.
public struct Style: Hashable, Sendable {
    /// Short key used on the command line and in config: "medium-swing".
    public var name: String
    /// Human title: "Medium Swing".
    public var title: String
    public var genre: String
    public var meter: Meter
    public var tempo: Tempo
    public var feel: Feel
    public var humanize: Humanize
    public var parts: [PartID: PartSetup]
    public var sections: [SectionID: Section]
    /// Where the style came from (a file path), for error messages.
    public var source: String?

    public init(
        name: String, title: String, genre: String, meter: Meter, tempo: Tempo, feel: Feel = .straight,
        humanize: Humanize = .none, parts: [PartID: PartSetup], sections: [SectionID: Section],
        source: String? = nil
    ) {
        self.name = name
        self.title = title
        self.genre = genre
        self.meter = meter
        self.tempo = tempo
        self.feel = feel
        self.humanize = humanize
        self.parts = parts
        self.sections = sections
        self.source = source
    }

    /// Sections present, in display order.
    public var sectionIDs: [SectionID] { sections.keys.sorted() }
}
