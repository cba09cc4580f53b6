import Foundation
import StyleEngine

/// Prints how long importing the real Yamaha styles takes (read from
/// ../shared/testdata/yamaha-styles next to the checkout), per file and in total.
enum YamahaImportBenchmark {
    static func run() {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/testdata/yamaha-styles")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        let files = names.compactMap { name -> (String, [UInt8])? in
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { return nil }
            return (name, Array(data))
        }
        guard !files.isEmpty else {
            print("yamaha import: skipped (no styles at \(directory.path))")
            return
        }
        var times: [Double] = []
        var loaded = 0, notes = 0, bytes = 0
        for (name, data) in files {
            let start = ChordBenchmark.nanoseconds()
            let style = try? YamahaStyleReader.read(data, fileName: name)
            times.append(Double(ChordBenchmark.nanoseconds() - start) / 1e6)
            bytes += data.count
            if let style {
                loaded += 1
                notes += style.sections.values.flatMap { $0.parts.values.joined() }.reduce(0) { $0 + $1.notes.count }
            }
        }
        times.sort()
        let total = times.reduce(0, +)
        print(
            "yamaha import: \(loaded)/\(files.count) styles, \(bytes / 1024) KiB, \(notes) notes;"
                + " \(ChordBenchmark.format2(total)) ms total, median \(ChordBenchmark.format2(times[times.count / 2])) ms, max \(ChordBenchmark.format2(times.last!)) ms per file")
    }
}
