/// One chord of a chart bar, as written, with the line it came from (for messages).
/// A bar's chords share its beats equally.
public struct ChartChord: Hashable, Sendable, CustomStringConvertible {
    public var symbol: ChordSymbol
    /// 1-based line in the chart text; 0 when built in code.
    public var line: Int

    public init(_ symbol: ChordSymbol, line: Int = 0) {
        self.symbol = symbol
        self.line = line
    }

    public var chord: Chord? { symbol.chord }

    /// Two chart chords are the same chord whatever line they were read from.
    public static func == (a: ChartChord, b: ChartChord) -> Bool { a.symbol == b.symbol }
    public func hash(into hasher: inout Hasher) { hasher.combine(symbol) }
    public var description: String { symbol.text }
}
