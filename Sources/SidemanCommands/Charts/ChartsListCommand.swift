import ArgumentParser
import Foundation
import MusicCore
import Practice

/// `sideman charts list [--json]`: name, title, style, tempo, key, meter, bars.
struct ChartsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the songs and drills.")

    @Flag(help: "One JSON object per song, in an array.")
    var json = false

    @Option(name: .customLong("charts-dir"), help: "List this folder instead of the library.")
    var chartsDir: String?

    func run() throws {
        let library = chartsDir.map { ChartLibrary(directories: [$0], access: .local) } ?? ChartLibrary.standard()
        if let dir = chartsDir, !FileManager.default.fileExists(atPath: dir) {
            throw failCommand("list", RenderError.file(dir, "no such folder"))
        }
        for error in library.errors {
            var line = "sideman charts: \(error)\n"
            line.withUTF8 { FileHandle.standardError.write(Data($0)) }
        }
        if json {
            let items = library.entries.map { e -> String in
                let c = e.chart
                var fields = [
                    "\"name\":\(JSONText.quote(e.name))", "\"title\":\(JSONText.quote(c.title))",
                    "\"path\":\(JSONText.quote(e.path))", "\"meter\":\(JSONText.quote(c.meter.description))",
                    "\"bars\":\(c.playedBars().count)", "\"writtenBars\":\(c.bars.count)",
                    "\"sections\":[\(c.sections.map { JSONText.quote($0.name) }.joined(separator: ","))]",
                    "\"form\":[\(c.playedForm.map { JSONText.quote($0) }.joined(separator: ","))]",
                ]
                fields.append("\"style\":" + (c.style.map(JSONText.quote) ?? "null"))
                fields.append("\"tempo\":" + (c.tempo.map { String(Int($0.bpm.rounded())) } ?? "null"))
                fields.append("\"key\":" + (c.key.map { JSONText.quote($0.description) } ?? "null"))
                return "{" + fields.joined(separator: ",") + "}"
            }
            print("[" + items.joined(separator: ",\n") + "]")
            return
        }
        guard !library.entries.isEmpty else {
            print("no charts (looked in \(library.directories.joined(separator: ", ")))")
            return
        }
        let width = library.entries.map(\.name.count).max() ?? 4
        for e in library.entries {
            let c = e.chart
            let tempo = c.tempo.map { "\(Int($0.bpm.rounded()))" } ?? "-"
            let pad = String(repeating: " ", count: max(0, width - e.name.count))
            print("\(e.name)\(pad)  \(c.meter)  \(c.key?.description ?? "-")  \(tempo)  \(c.style ?? "-")  \(c.playedBars().count) bars  \(c.title)")
        }
    }
}
