import Foundation
import StyleEngine

/// Prints how long the shipped text styles take to parse (a style change reads one).
enum StyleParseBenchmark {
    static func run() {
        let styles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("styles")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: styles.path).sorted() else {
            print("style parse: skipped (no styles folder at \(styles.path))")
            return
        }
        for name in names where name.hasSuffix(".style") {
            guard let text = try? String(contentsOf: styles.appendingPathComponent(name), encoding: .utf8) else { continue }
            let rounds = 50
            var notes = 0
            let start = ChordBenchmark.nanoseconds()
            for _ in 0..<rounds {
                guard let style = try? StyleTextFormat.parse(text, fileName: name) else {
                    print("style parse: \(name) does not parse")
                    break
                }
                notes = style.sections.values.reduce(0) { $0 + $1.parts.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.notes.count } } }
            }
            let ms = Double(ChordBenchmark.nanoseconds() - start) / 1e6 / Double(rounds)
            print("style parse \(name): \(ChordBenchmark.format2(ms)) ms (\(text.utf8.count) bytes, \(notes) notes)")
        }
    }
}
