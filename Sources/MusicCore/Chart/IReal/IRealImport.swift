/// An iReal Pro song read into a chart: sections, repeats, endings and codas become our
/// sections, marks and form; every chord goes through the chord-symbol table. Symbols the
/// band cannot play are listed (with what is played instead), never dropped silently.
public struct IRealImport: Sendable {
    public struct Unplayable: Hashable, Sendable, CustomStringConvertible {
        /// 1-based written bar.
        public var bar: Int
        /// The symbol as iReal writes it ("C7susadd3").
        public var symbol: String
        /// What the chart plays instead ("C7sus4", or "NC").
        public var playedAs: String
        public var description: String { "bar \(bar): \"\(symbol)\" cannot be played; played as \(playedAs)" }
    }

    public var chart: ChordChart
    public var unplayable: [Unplayable]
    /// Marks read but not carried over (comments, fermatas ...), one line each.
    public var notes: [String]
}
