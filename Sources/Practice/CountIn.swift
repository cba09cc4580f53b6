/// Bars before the band: clicks (a side stick on every beat) or the drums alone.
public struct CountIn: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case clicks, drums
    }
    public var bars: Int
    public var kind: Kind

    public init(bars: Int = 0, kind: Kind = .clicks) {
        self.bars = bars
        self.kind = kind
    }
}
