extension ChordChart {
    /// Reads a chart. Header lines are `Key = Value` (Title, TimeSig "4 4" or "4/4", Bars;
    /// others are kept in `header`); every other line holds bars ended by `|` (a last bar
    /// without `|` counts too). Inside a bar, `/` repeats the previous chord for its share
    /// of the beats; a bar holding only `%` repeats the previous bar; `NC` is no chord.
    /// Blank lines and lines starting with `#` are ignored. Without a TimeSig the meter is
    /// 4/4; when `Bars` is given it must match the bars found.
    /// - Parameter source: the file name, for error messages.
    /// Throws a `ChordChartError` naming the line and the symbol at fault.
    public static func parse(_ text: String, source: String? = nil) throws(ChordChartError) -> ChordChart {
        var header: [String: String] = [:]
        var headerLines: [String: Int] = [:]
        var bars: [[ChartChord]] = []
        var current: [ChartChord] = []
        var currentLine = 0
        var previous: ChartChord? = nil
        var repeatMarks = 0

        func fail(_ line: Int, _ reason: String, symbol: String? = nil) -> ChordChartError {
            ChordChartError(source: source, line: line, symbol: symbol, reason: reason)
        }

        func endBar(line: Int) throws(ChordChartError) {
            defer {
                current = []
                repeatMarks = 0
            }
            if repeatMarks > 0 {
                guard current.isEmpty && repeatMarks == 1 else {
                    throw fail(line, "\"%\" (repeat bar) must be alone in its bar", symbol: "%")
                }
                guard let last = bars.last else { throw fail(line, "\"%\" repeats the previous bar, but there is none", symbol: "%") }
                bars.append(last)
                return
            }
            if current.isEmpty { return }  // "||", a leading "|"
            bars.append(current)
        }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let equals = line.firstIndex(of: "="), !line.contains("|") {
                let key = String(line[..<equals].trimmingSpaces)
                let value = String(line[line.index(after: equals)...].trimmingSpaces)
                guard !key.isEmpty, !key.contains(" ") else { throw fail(lineNumber, "header line without a field name before \"=\"") }
                header[key] = value
                headerLines[key] = lineNumber
                continue
            }
            var token = ""
            func flushToken() throws(ChordChartError) {
                defer { token = "" }
                if token.isEmpty { return }
                currentLine = lineNumber
                if token == "%" {
                    repeatMarks += 1
                    return
                }
                if token == "/" {
                    guard let previous else { throw fail(lineNumber, "\"/\" repeats the previous chord, but there is none", symbol: "/") }
                    current.append(ChartChord(previous.symbol, line: lineNumber))
                    return
                }
                do {
                    let chord = ChartChord(try ChordSymbol.parse(token), line: lineNumber)
                    current.append(chord)
                    previous = chord
                } catch {
                    throw fail(lineNumber, error.description, symbol: token)
                }
            }
            for ch in line {
                if ch == "|" {
                    try flushToken()
                    try endBar(line: lineNumber)
                } else if ch == " " || ch == "\t" || ch == "\r" {
                    try flushToken()
                } else {
                    token.append(ch)
                }
            }
            try flushToken()
        }
        try endBar(line: currentLine)

        var meter = Meter.fourFour
        if let sig = header["TimeSig"] {
            guard let m = Meter(sig.trimmingSpaces) else {
                throw fail(headerLines["TimeSig"]!, "TimeSig \"\(sig)\" is not a time signature (e.g. \"4 4\" or \"3/4\")")
            }
            meter = m
        }
        if let declared = header["Bars"] {
            let line = headerLines["Bars"]!
            guard let n = Int(declared) else { throw fail(line, "Bars \"\(declared)\" is not a number") }
            guard n == bars.count else { throw fail(line, "Bars = \(n) but the chart has \(bars.count) bars") }
        }
        guard !bars.isEmpty else { throw fail(max(1, lines.count), "no bars (bars are chords ended by \"|\")") }
        return ChordChart(title: header["Title"] ?? "", meter: meter, bars: bars, header: header)
    }
}
