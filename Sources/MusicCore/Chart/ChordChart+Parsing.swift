extension ChordChart {
    /// Reads a chart. Header lines are `Key = Value` (Title, TimeSig "4 4" or "4/4", Bars,
    /// Form, Tempo, Key, Style; others are kept in `header`); every other line holds bars
    /// ended by `|` (a last bar without `|` counts too). Inside a bar, `/` repeats the
    /// previous chord for its share of the beats; a bar holding only `%` repeats the previous
    /// bar; `NC` is no chord. A line `[A]` starts a section; `|:` and `:|` (`:|x3`) repeat
    /// the bars between them; `1.`, `2.` at the start of a bar begin an ending, which lasts
    /// to its `:|` (or, for the last ending, to `||`, a section or the end). Blank lines and
    /// lines starting with `#` are ignored. Without a TimeSig the meter is 4/4; when `Bars`
    /// is given it must match the written bars.
    /// - Parameter source: the file name, for error messages.
    /// Throws a `ChordChartError` naming the line and the symbol at fault.
    public static func parse(_ text: String, source: String? = nil) throws(ChordChartError) -> ChordChart {
        var reader = ChartReader(source: source)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            try reader.read(line: rawLine.trimmingSpaces, number: index + 1)
        }
        return try reader.finish(lineCount: lines.count)
    }
}
