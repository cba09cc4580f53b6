import Foundation
import Testing

/// docs/styles.md has an entry for every style in styles/ (a `## NAME — Title` heading), and
/// every piano roll it shows exists (`make gallery` draws them into docs/styles/).
@Test func styleDocsHaveAnEntryPerStyle() throws {
    let docs = projectRoot.appendingPathComponent("docs")
    guard let text = try? String(contentsOf: docs.appendingPathComponent("styles.md"), encoding: .utf8) else {
        Issue.record("skipped: no docs/styles.md at \(docs.path)")
        return
    }
    // The format example at the top sits in a code fence: only lines outside fences count.
    var inFence = false
    let lines = text.split(separator: "\n").filter { line in
        if line.hasPrefix("```") { inFence.toggle(); return false }
        return !inFence
    }
    let headings = Set(lines.filter { $0.hasPrefix("## ") }.compactMap { $0.dropFirst(3).split(separator: " ").first.map(String.init) })
    for file in ShippedStyles.fileNames() {
        let name = try ShippedStyles.load(file).name
        #expect(headings.contains(name), "docs/styles.md has no entry for \(name) (\(file)): add a `## \(name) — Title` section in the format at its top")
    }
    for line in lines where line.hasPrefix("![") {
        guard let open = line.range(of: "]("), let close = line.range(of: ")", range: open.upperBound..<line.endIndex) else { continue }
        let path = String(line[open.upperBound..<close.lowerBound])
        #expect(FileManager.default.fileExists(atPath: docs.appendingPathComponent(path).path),
                "docs/styles.md shows \(path), which does not exist: run `make gallery`")
    }
}
