import MusicCore

/// One section of a style: its length and what each part plays in it.
public struct Section: Hashable, Sendable {
    public var id: SectionID
    /// Length in ticks (a whole number of bars of the style's meter).
    public var length: Tick
    public var parts: [PartID: [PatternTrack]]

    public init(id: SectionID, length: Tick, parts: [PartID: [PatternTrack]]) {
        self.id = id
        self.length = length
        self.parts = parts
    }

    public func bars(meter: Meter) -> Int { max(1, length / meter.ticksPerBar()) }
}
