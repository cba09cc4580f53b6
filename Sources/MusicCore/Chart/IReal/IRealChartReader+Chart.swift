extension IRealChartReader {
    /// The bars cut into sections at section marks, the segno, the coda signs and after a
    /// D.S./D.C. or Fine; the form plays them in the order the directions say: through to
    /// the D.S. (or D.C.), back to the segno (or the top) and on to the coda sign (or Fine),
    /// then the coda.
    func chart(for song: IRealSong) -> IRealImport {
        guard !bars.isEmpty else {
            return IRealImport(chart: ChordChart(title: song.title, meter: meter ?? .fourFour, bars: []), unplayable: unplayable, notes: notes)
        }
        var starts: [Int] = [0]
        for (i, b) in bars.enumerated() {
            if i > 0, b.section != nil || b.segno || b.coda { starts.append(i) }
            if b.jump != nil || b.fine, i + 1 < bars.count { starts.append(i + 1) }
        }
        starts = Array(Set(starts)).sorted()
        let jumpBar = bars.firstIndex { $0.jump != nil }
        let codaBars = bars.indices.filter { bars[$0].coda }
        let codaStart = jumpBar.flatMap { j in codaBars.first { $0 > j } }
        let toCoda = jumpBar.flatMap { j in codaBars.first { $0 <= j } }

        // Names: the section letter in force (A, A2, A3 ... when it comes back), "Coda".
        var sections: [ChartSection] = []
        var label = "A"
        var used: [String: Int] = [:]
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : bars.count
            if let s = bars[start].section { label = s }
            var name = start == codaStart ? "Coda" : label
            if let n = used[name] {
                used[name] = n + 1
                name += "\(n + 1)"
            } else {
                used[name] = 1
            }
            sections.append(ChartSection(name: name, start: start, end: end))
        }
        let needsSections = starts.count > 1 || bars.first?.section != nil
        var form: [String] = []
        if let j = jumpBar, let jump = bars[j].jump {
            let index = { (bar: Int) in sections.lastIndex { $0.start <= bar } ?? 0 }
            let through = index(j)
            form = sections[0...through].map(\.name)
            let segno = jump.hasPrefix("D.S.") ? bars.firstIndex(where: \.segno).map(index) ?? 0 : 0
            var last: Int
            if jump.hasSuffix("Fine"), let fine = bars.firstIndex(where: \.fine) {
                last = index(fine)
            } else if let toCoda, toCoda > bars.startIndex, index(toCoda) > segno {
                last = index(toCoda) - 1
            } else {
                last = segno
            }
            last = max(segno, min(last, sections.count - 1))
            form += sections[segno...last].map(\.name)
            if !jump.hasSuffix("Fine"), let codaStart {
                form += sections[index(codaStart)...].map(\.name)
            }
        }

        var header: [String: String] = [:]
        header["Composer"] = Self.composer(song.composer)
        if !song.style.isEmpty { header["iRealStyle"] = song.style }
        if let key = ChartKey(song.key) { header["Key"] = key.description }
        if song.bpm > 0 { header["Tempo"] = String(song.bpm) }
        header["Source"] = "iReal Pro"
        var marks = bars.map {
            ChartBarMarks(repeatStart: $0.repeatStart, repeatTimes: $0.repeatTimes, endings: $0.endings, endingMark: $0.endingMark)
        }
        // An ending cut by a section boundary (a segno, a coda sign) is marked again where
        // the section begins, as the chart format needs.
        for section in sections where !marks[section.start].endings.isEmpty && marks[section.start].endingMark == nil {
            marks[section.start].endingMark = marks[section.start].endings.sorted().map { "\($0)." }.joined()
        }
        let chart = ChordChart(
            title: song.title, meter: meter ?? .fourFour, bars: bars.map(\.chords),
            header: header.filter { !$0.value.isEmpty }, sections: needsSections || !form.isEmpty ? sections : [],
            marks: marks.allSatisfy(\.isPlain) ? [] : marks, form: form)
        return IRealImport(chart: chart, unplayable: unplayable, notes: notes)
    }

    /// iReal writes "Last First"; a chart says "First Last".
    static func composer(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count == 2 else { return text }
        return "\(words[1]) \(words[0])"
    }
}

extension IRealImport {
    /// Reads one song of an iReal Pro link.
    public init(_ song: IRealSong) { self = IRealChartReader.read(song) }
}
