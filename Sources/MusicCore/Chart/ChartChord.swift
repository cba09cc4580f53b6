/// One chord of a chart bar, as written, with the line it came from (for messages).
/// A bar's chords share its beats equally. A chord written `^F7` is pushed: the band plays
/// it an eighth note ahead of its beat.
public struct ChartChord: Hashable, Sendable, CustomStringConvertible {
    public var symbol: ChordSymbol
    /// 1-based line in the chart text; 0 when built in code.
    public var line: Int
    /// Written with `^`: played an eighth note ahead of its beat.
    public var pushed: Bool

    public init(_ symbol: ChordSymbol, line: Int = 0, pushed: Bool = false) {
        self.symbol = symbol
        self.line = line
        self.pushed = pushed
    }

    /// The mark written before a pushed chord (as Band-in-a-Box writes it).
    public static let pushMark: Character = "^"

    public var chord: Chord? { symbol.chord }

    /// Two chart chords are the same chord whatever line they were read from.
    public static func == (a: ChartChord, b: ChartChord) -> Bool { a.symbol == b.symbol && a.pushed == b.pushed }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(symbol)
        hasher.combine(pushed)
    }
    /// As written in a chart: `^F7` when pushed.
    public var description: String { pushed ? "\(Self.pushMark)\(symbol.text)" : symbol.text }
}
