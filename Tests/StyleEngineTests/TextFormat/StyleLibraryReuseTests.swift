import Testing

@testable import StyleEngine

/// A reload reads every style file again, but parses only the files whose bytes changed.
@Suite struct StyleLibraryReuseTests {
    static let folder = "/styles"

    static func load(_ files: [String: String], reusing previous: StyleLibrary? = nil) -> StyleLibrary {
        StyleLibrary.load(from: [folder], access: StyleLibraryTests.access(files), reusing: previous)
    }

    @Test func unchangedFilesAreNotParsedAgain() {
        let files = [
            "/styles/a.style": StyleLibraryTests.style("a", title: "A"),
            "/styles/b.style": StyleLibraryTests.style("b", title: "B"),
            "/styles/bad.style": "name bad\ntempo fast\n",
        ]
        let first = Self.load(files)
        #expect(first.parsedCount == 3)
        let again = Self.load(files, reusing: first)
        #expect(again.parsedCount == 0)
        #expect(again.names == first.names && again.styles == first.styles)
        #expect(again.errors.map(\.description) == first.errors.map(\.description))
    }

    @Test func aChangedAddedOrRemovedFileIsSeen() {
        let first = Self.load([
            "/styles/a.style": StyleLibraryTests.style("a", title: "A"),
            "/styles/b.style": StyleLibraryTests.style("b", title: "B"),
        ])
        let next = Self.load(
            [
                "/styles/a.style": StyleLibraryTests.style("a", title: "A, edited"),
                "/styles/c.style": StyleLibraryTests.style("c", title: "C"),
            ], reusing: first)
        #expect(next.parsedCount == 2)  // a (changed) and c (new); b is gone
        #expect(next.names == ["a", "c"])
        #expect(next.style(named: "a")?.title == "A, edited")
    }

    @Test func anEditThatKeepsTheLengthIsSeen() {
        let first = Self.load(["/styles/a.style": StyleLibraryTests.style("a", title: "Slow")])
        let next = Self.load(["/styles/a.style": StyleLibraryTests.style("a", title: "Fast")], reusing: first)
        #expect(next.parsedCount == 1)
        #expect(next.style(named: "a")?.title == "Fast")
    }

    @Test func withoutAPreviousLibraryEverythingIsParsed() {
        let files = ["/styles/a.style": StyleLibraryTests.style("a")]
        #expect(Self.load(files, reusing: nil).parsedCount == 1)
    }
}
