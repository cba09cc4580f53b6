extension ChordChart {
    /// The chart written back in its own format (header fields, then the bars four a line,
    /// each section under its `[Name]` line, with repeat and ending marks); reading it gives
    /// this chart again.
    public var text: String {
        var lines: [String] = []
        var fields = header
        fields["Title"] = title.isEmpty ? nil : title
        fields["TimeSig"] = "\(meter.beatsPerBar) \(meter.beatUnit)"
        fields["Bars"] = String(bars.count)
        fields["Form"] = form.isEmpty ? nil : form.joined(separator: " ")
        let order = ["Title", "ComposedBy", "Style", "Tempo", "Key", "TimeSig", "Bars", "Form"]
        for key in order + fields.keys.filter({ !order.contains($0) }).sorted() {
            if let value = fields[key] { lines.append("\(key) = \(value)") }
        }
        let blocks: [(name: String?, range: Range<Int>)] =
            sections.isEmpty ? [(nil, 0..<bars.count)] : sections.map { ($0.name, $0.range) }
        for block in blocks {
            if let name = block.name { lines.append("[\(name)]") }
            for start in stride(from: block.range.lowerBound, to: block.range.upperBound, by: 4) {
                var row = ""
                for b in start..<min(start + 4, block.range.upperBound) {
                    let m = marks(ofBar: b)
                    if m.repeatStart { row += "|: " }
                    if let mark = m.endingMark { row += mark + " " }
                    row += bars[b].map(\.description).joined(separator: " ")
                    if let times = m.repeatTimes {
                        row += times == 2 ? " :| " : " :|x\(times) "
                    } else if !m.endings.isEmpty, b + 1 < block.range.upperBound, marks(ofBar: b + 1).endings.isEmpty {
                        row += " || "  // the last ending ends here
                    } else {
                        row += " | "
                    }
                }
                lines.append(" " + String(row.trimmingSpaces))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
