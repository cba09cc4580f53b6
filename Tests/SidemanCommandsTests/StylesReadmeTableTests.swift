import Foundation
import StyleEngine
import Testing
@testable import SidemanCommands

/// The README's table of styles is generated from styles/; this fails when a style is added
/// or changed without refreshing it. `SIDEMAN_RECORD_README=1 swift test --filter readme`
/// rewrites the table in place.
@Suite struct StylesReadmeTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let begin = "<!-- styles table:"
    static let end = "<!-- end of styles table -->"

    @Test func readmeTableListsEveryStyle() throws {
        let stylesDir = Self.root.appendingPathComponent("styles")
        let readmeURL = Self.root.appendingPathComponent("README.md")
        guard let readme = try? String(contentsOf: readmeURL, encoding: .utf8),
            FileManager.default.fileExists(atPath: stylesDir.path)
        else {
            Issue.record("skipped: no README.md and styles/ at \(Self.root.path)")
            return
        }
        let library = StyleLibrary.load(from: [stylesDir.path], required: [stylesDir.path], access: .local)
        #expect(library.errors.isEmpty, "\(library.errors)")
        let table = StylesCommand.markdownTable(library.styles)
        let start = try #require(readme.range(of: Self.begin), "README.md has no '\(Self.begin)' marker")
        let tableStart = try #require(readme[start.upperBound...].range(of: "\n")).upperBound
        let stop = try #require(readme[tableStart...].range(of: Self.end), "README.md has no '\(Self.end)' marker")
        let current = String(readme[tableStart..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["SIDEMAN_RECORD_README"] == "1" {
            try (readme[..<tableStart] + table + readme[stop.lowerBound...]).write(to: readmeURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == table, "README.md's styles table is stale: refresh it with SIDEMAN_RECORD_README=1 swift test --filter readme\nexpected:\n\(table)")
        #expect(library.styles.count == current.split(separator: "\n").count - 2)
    }

    @Test func markdownTableRowsAreSortedByName() {
        let library = StyleLibrary(files: [
            .init(path: "w.style", text: StylesCommandTests.waltz),
            .init(path: "r.style", text: "name a-rock\ngenre Rock\ntempo 120\nsection Main A\nbars 1\nbass: C2/w\n"),
        ])
        #expect(StylesCommand.markdownTable(library.styles) == """
            | name | genre | meter | tempo |
            |---|---|---|---|
            | a-rock | Rock | 4/4 | 120 |
            | my-waltz | Folk | 3/4 | 92.5 |

            """)
    }
}
