/// A point where the harmony changes: from `tick` on, `chord` plays (nil: no chord), shown as
/// `symbol` (the chart's own text, e.g. "C13b9" for a chord played as C7(b9)).
public struct ChordChange: Hashable, Sendable, CustomStringConvertible {
    public var tick: Tick
    public var chord: Chord?
    public var symbol: String

    public init(tick: Tick, chord: Chord?, symbol: String) {
        self.tick = tick
        self.chord = chord
        self.symbol = symbol
    }

    public var description: String { "\(tick) \(symbol)" }
}
