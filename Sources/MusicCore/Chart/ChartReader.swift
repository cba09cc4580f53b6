/// The state of reading one chart, line by line.
struct ChartReader {
    let source: String?
    var header: [String: String] = [:]
    var headerLines: [String: Int] = [:]
    var bars: [[ChartChord]] = []
    var marks: [ChartBarMarks] = []
    var sections: [ChartSection] = []
    var current: [ChartChord] = []
    var currentLine = 0
    var previous: ChartChord? = nil
    var repeatMarks = 0
    var pendingRepeatStart = false
    var pendingEnding: (passes: Set<Int>, mark: String)? = nil
    /// The passes of the ending being read (it goes on over the following bars).
    var openEnding: Set<Int>? = nil
    /// The written bar the last `:|` closed (a following `x3` sets its count).
    var lastClosed: Int? = nil
    /// The last line that was not blank or a comment (where an unfinished chart ends).
    var lastLine = 1

    init(source: String?) { self.source = source }

    func fail(_ line: Int, _ reason: String, symbol: String? = nil) -> ChordChartError {
        ChordChartError(source: source, line: line, symbol: symbol, reason: reason)
    }

    mutating func read(line: Substring, number: Int) throws(ChordChartError) {
        if line.isEmpty || line.hasPrefix("#") { return }
        lastLine = number
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            let name = String(line[line.index(after: line.startIndex)..<close].trimmingSpaces)
            guard !name.isEmpty, !name.contains(" ") else { throw fail(number, "a section name is one word, e.g. [A] or [Bridge]") }
            guard !sections.contains(where: { $0.name == name }) else { throw fail(number, "section [\(name)] is given twice") }
            try endBar(line: number)
            closeSection()
            openEnding = nil
            sections.append(ChartSection(name: name, start: bars.count, end: bars.count, line: number))
            return try readBars(line[line.index(after: close)...], number: number)
        }
        if let equals = line.firstIndex(of: "="), !line.contains("|") {
            let key = String(line[..<equals].trimmingSpaces)
            let value = String(line[line.index(after: equals)...].trimmingSpaces)
            guard !key.isEmpty, !key.contains(" ") else { throw fail(number, "header line without a field name before \"=\"") }
            header[key] = value
            headerLines[key] = number
            return
        }
        try readBars(line, number: number)
    }

    mutating func readBars(_ line: Substring, number: Int) throws(ChordChartError) {
        let chars = Array(line)
        var token = ""
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if ch == ":" && next == "|" {
                try flush(&token, line: number)
                try closeRepeat(line: number)
                i += 2
                if i < chars.count, chars[i] == ":" {  // ":|:" closes one repeat and opens the next
                    pendingRepeatStart = true
                    openEnding = nil
                    i += 1
                }
            } else if ch == "|" {
                try flush(&token, line: number)
                try endBar(line: number)
                i += 1
                if next == "|" {  // "||": a double bar ends the last ending
                    openEnding = nil
                    i += 1
                }
                if i < chars.count, chars[i] == ":" {  // "|:" opens a repeat and ends any ending
                    pendingRepeatStart = true
                    openEnding = nil
                    i += 1
                }
            } else if ch == " " || ch == "\t" || ch == "\r" {
                try flush(&token, line: number)
                i += 1
            } else {
                token.append(ch)
                i += 1
            }
        }
        try flush(&token, line: number)
    }

    mutating func flush(_ token: inout String, line: Int) throws(ChordChartError) {
        defer { token = "" }
        if token.isEmpty { return }
        currentLine = line
        if token == "%" {
            repeatMarks += 1
            return
        }
        if token == "/" {
            guard let previous else { throw fail(line, "\"/\" repeats the previous chord, but there is none", symbol: "/") }
            current.append(ChartChord(previous.symbol, line: line))
            return
        }
        if let times = Self.repeatCount(token) {
            guard let closed = lastClosed, closed == bars.count - 1, current.isEmpty, repeatMarks == 0 else {
                throw fail(line, "\"\(token)\" (play N times) must follow \":|\"", symbol: token)
            }
            marks[closed].repeatTimes = times
            return
        }
        if let passes = Self.endingPasses(token) {
            guard current.isEmpty, repeatMarks == 0 else {
                throw fail(line, "an ending mark (\"\(token)\") must start its bar", symbol: token)
            }
            pendingEnding = (passes, token)
            return
        }
        var written = Substring(token)
        let pushed = written.first == ChartChord.pushMark
        if pushed {
            written = written.dropFirst()
            guard !written.isEmpty, written != "/", written != "%", written.first != ChartChord.pushMark else {
                throw fail(line, "\"^\" (a push) goes right before a chord, e.g. ^F7", symbol: token)
            }
        }
        do {
            let chord = ChartChord(try ChordSymbol.parse(String(written)), line: line, pushed: pushed)
            current.append(chord)
            previous = chord
        } catch {
            throw fail(line, error.description, symbol: token)
        }
    }

    /// "x3" after ":|": the repeated bars play 3 times in all.
    static func repeatCount(_ token: String) -> Int? {
        guard token.count > 1, token.first == "x" || token.first == "X" || token.first == "×",
            let n = Int(token.dropFirst()), (1...99).contains(n)
        else { return nil }
        return n
    }

    /// "1." "2." "1.2." (the passes an ending is played on).
    static func endingPasses(_ token: String) -> Set<Int>? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.hasSuffix("."), parts.count >= 2 else { return nil }
        var passes: Set<Int> = []
        for part in parts.dropLast() {
            guard part.count == 1, let n = Int(part), n >= 1 else { return nil }
            passes.insert(n)
        }
        return passes
    }

    mutating func endBar(line: Int, closesRepeat: Bool = false) throws(ChordChartError) {
        defer {
            current = []
            repeatMarks = 0
        }
        var chords = current
        if repeatMarks > 0 {
            guard current.isEmpty && repeatMarks == 1 else {
                throw fail(line, "\"%\" (repeat bar) must be alone in its bar", symbol: "%")
            }
            guard let last = bars.last else { throw fail(line, "\"%\" repeats the previous bar, but there is none", symbol: "%") }
            chords = last
        }
        if chords.isEmpty {  // "||", a leading "|"
            guard pendingEnding == nil else { throw fail(line, "an ending mark needs a bar of chords after it") }
            return
        }
        var m = ChartBarMarks()
        m.repeatStart = pendingRepeatStart
        pendingRepeatStart = false
        if let ending = pendingEnding {
            openEnding = ending.passes
            m.endingMark = ending.mark
            pendingEnding = nil
        }
        m.endings = openEnding ?? []
        bars.append(chords)
        marks.append(m)
        if m.repeatStart { lastClosed = nil }
    }

    mutating func closeRepeat(line: Int) throws(ChordChartError) {
        if !current.isEmpty || repeatMarks > 0 {
            try endBar(line: line)
        }
        guard let last = bars.indices.last else { throw fail(line, "\":|\" closes a repeat, but there is no bar before it", symbol: ":|") }
        marks[last].repeatTimes = 2
        lastClosed = last
        openEnding = nil
    }

    mutating func closeSection() {
        if !sections.isEmpty { sections[sections.count - 1].end = bars.count }
    }

    mutating func finish(lineCount: Int) throws(ChordChartError) -> ChordChart {
        try endBar(line: max(currentLine, lastLine))
        closeSection()
        if pendingRepeatStart { throw fail(lastLine, "\"|:\" opens a repeat after the last bar") }
        if let empty = sections.first(where: { $0.start == $0.end }) {
            throw fail(empty.line, "section [\(empty.name)] has no bars")
        }
        if let first = sections.first, first.start > 0 {
            throw fail(first.line, "bars before the first section: put a section mark such as [A] above them")
        }

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
        guard !bars.isEmpty else { throw fail(max(1, lineCount), "no bars (bars are chords ended by \"|\")") }
        var form: [String] = []
        if let text = header["Form"] {
            let line = headerLines["Form"]!
            form = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
            guard !form.isEmpty else { throw fail(line, "Form is empty (e.g. Form = A A B A)") }
            for name in form where !sections.contains(where: { $0.name == name }) {
                let known = sections.map(\.name).joined(separator: " ")
                throw fail(line, "Form names section \"\(name)\", which the chart does not have"
                    + (known.isEmpty ? " (mark sections with [A] lines)" : " (it has \(known))"))
            }
        }
        var chart = ChordChart(
            title: header["Title"] ?? "", meter: meter, bars: bars, header: header,
            sections: sections, marks: marks.allSatisfy(\.isPlain) ? [] : marks, form: form)
        chart.form = form
        try chart.validateSettings(lines: headerLines, source: source)
        return chart
    }
}
