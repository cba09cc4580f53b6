import Foundation
import MusicCore
import Testing

/// Every gallery/*.chart reads (a typo would otherwise surface only in `make gallery`), and a
/// style's own chart, if it has one, is in the style's meter or leaves the meter to it.
@Test func galleryChartsRead() throws {
    let folder = projectRoot.appendingPathComponent("gallery")
    let charts = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".chart") }.sorted()
    guard !charts.isEmpty else {
        Issue.record("skipped: no gallery/ at \(folder.path)")
        return
    }
    #expect(charts.contains("default.chart"))
    let styles = Dictionary(uniqueKeysWithValues: try ShippedStyles.fileNames().map { f in
        let s = try ShippedStyles.load(f)
        return (s.name, s)
    })
    for file in charts {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        do {
            let chart = try ChordChart.parse(text, source: "gallery/" + file)
            #expect(!chart.bars.isEmpty, "gallery/\(file) has no bars")
            if let style = styles[String(file.dropLast(".chart".count))], chart.header["TimeSig"] != nil {
                #expect(chart.meter == style.meter, "gallery/\(file) is in \(chart.meter), its style in \(style.meter)")
            }
        } catch {
            Issue.record("\(error)")
        }
    }
}
