/// The band rests `rest` bars in every `every` (the last bars of each group), while the
/// player keeps time: 2 in 8 plays six bars and rests two.
public struct ChordBreaks: Hashable, Sendable {
    public var rest: Int
    public var every: Int

    public init?(rest: Int, every: Int) {
        guard rest >= 1, every > rest else { return nil }
        self.rest = rest
        self.every = every
    }

    /// Whether the band plays bar `index` (0-based, counted from the song's first bar).
    public func bandPlays(bar index: Int) -> Bool { index % every < every - rest }
}
