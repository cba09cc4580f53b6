import StyleEngine

/// The table and JSON that `sideman styles` prints.
extension StylesCommand {
    static func tempoText(_ style: Style) -> String {
        let tenths = Int((style.tempo.bpm * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// Aligned columns: NAME TITLE GENRE METER TEMPO.
    static func table(_ styles: [Style]) -> String {
        let rows = [["NAME", "TITLE", "GENRE", "METER", "TEMPO"]]
            + styles.map { [$0.name, $0.title, $0.genre, $0.meter.description, tempoText($0)] }
        let widths = (0..<5).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (c, cell) in row.enumerated() {
                line += c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count + 2)
            }
            return line + "\n"
        }.joined()
    }

    /// `[{"name":…,"title":…,"genre":…,"meter":"4/4","tempo":132,"sections":["Intro 1",…]}]`, one style a line.
    static func json(_ styles: [Style]) -> String {
        let objects = styles.map { style in
            let sections = style.sectionIDs.map { JSONText.quote($0.name) }.joined(separator: ",")
            return "{\"name\":\(JSONText.quote(style.name)),\"title\":\(JSONText.quote(style.title)),\"genre\":\(JSONText.quote(style.genre)),"
                + "\"meter\":\(JSONText.quote(style.meter.description)),\"tempo\":\(tempoText(style)),\"sections\":[\(sections)]}"
        }
        return objects.isEmpty ? "[]\n" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
    }
}
