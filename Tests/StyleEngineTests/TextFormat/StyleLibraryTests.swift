import Testing
import Foundation
@testable import StyleEngine

@Suite struct StyleLibraryTests {
    static func style(_ name: String, title: String? = nil) -> String {
        "name \(name)\n" + (title.map { "title \($0)\n" } ?? "") + "section Main A\nbars 1\nbass: C2/w\n"
    }

    /// An in-memory disk: paths to contents; folders are the paths' parents.
    static func access(_ files: [String: String]) -> StyleLibrary.FileAccess {
        StyleLibrary.FileAccess(
            listDirectory: { dir in
                let prefix = dir.hasSuffix("/") ? dir : dir + "/"
                let names = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                    .filter { !$0.contains("/") }
                let isDir = files.keys.contains { $0.hasPrefix(prefix) }
                return isDir ? names : nil
            },
            readFile: { path in
                guard let text = files[path] else { throw StyleParseError(file: path, line: 0, message: "missing") }
                return Array(text.utf8)
            },
            exists: { path in files[path] != nil || files.keys.contains { $0.hasPrefix(path + "/") } })
    }

    @Test func badFilesBecomeErrorLinesAndTheRestLoad() {
        let library = StyleLibrary(files: [
            .init(path: "a/good.style", text: Self.style("good")),
            .init(path: "a/bad.style", text: "name bad\ntempo fast\n"),
            .init(path: "a/also.style", text: Self.style("also")),
        ])
        #expect(library.names == ["also", "good"])
        #expect(library.errors.map(\.description) == ["a/bad.style:2: tempo must be beats per minute from 20 to 400, not 'fast'"])
    }

    @Test func firstPlaceSearchedWins() {
        let library = StyleLibrary(files: [
            .init(path: "user/x.style", text: Self.style("swing", title: "Mine")),
            .init(path: "repo/x.style", text: Self.style("swing", title: "Shipped")),
        ])
        #expect(library.styles.count == 1)
        #expect(library.style(named: "swing")?.title == "Mine")
    }

    @Test func lookupIgnoresCaseAndDashesAndAcceptsTitles() {
        let library = StyleLibrary(files: [.init(path: "s.style", text: Self.style("medium-swing", title: "Medium Swing"))])
        #expect(library.style(named: "medium-swing") != nil)
        #expect(library.style(named: "Medium Swing") != nil)
        #expect(library.style(named: "MEDIUMSWING") != nil)
        #expect(library.style(named: "bossa") == nil)
    }

    @Test func searchFindsTheCheckoutAboveTheExecutableAndTheInstallPrefix() {
        let access = Self.access([
            "/src/sideman/Package.swift": "",
            "/src/sideman/styles/a.style": Self.style("a"),
        ])
        let fromBuild = StyleLibrary.searchDirectories(
            userDirectory: "/home/me/styles", executablePath: "/src/sideman/.build/debug/sideman",
            currentDirectory: "/tmp", access: access)
        #expect(fromBuild == ["/home/me/styles", "/src/sideman/styles"] + StyleLibrary.installedDirectories)
        let fromCwd = StyleLibrary.searchDirectories(
            userDirectory: nil, executablePath: "/opt/x/bin/sideman", currentDirectory: "/src/sideman/docs", access: access)
        #expect(fromCwd == ["/src/sideman/styles", "/opt/x/share/sideman/styles"] + StyleLibrary.installedDirectories)
    }

    @Test func loadReadsStyleFilesOnlyAndReportsAMissingUserFolder() {
        let access = Self.access([
            "/u/one.style": Self.style("one"),
            "/u/notes.txt": "not a style",
            "/usr/share/sideman/styles/two.style": Self.style("two"),
            "/usr/share/sideman/styles/bad.style": "section Main Z\n",
        ])
        let library = StyleLibrary.load(
            from: ["/missing", "/u"] + StyleLibrary.installedDirectories, required: ["/missing"], access: access)
        #expect(library.names == ["one", "two"])
        #expect(library.errors.map(\.description) == [
            "/missing: no such styles folder",
            "/usr/share/sideman/styles/bad.style:1: unknown section 'Main Z' (expected Intro 1-3, Main A-D, Fill A-D, Break or Ending 1-3)",
        ])
    }
}

@Suite struct StyleLibraryYamahaTests {
    @Test func yamahaExtensionsAreRecognisedInAnyCase() {
        #expect(StyleLibrary.isYamahaFile("a/Swing1.S737.bcs"))
        #expect(StyleLibrary.isYamahaFile("KoolFunk.STY"))
        #expect(StyleLibrary.isYamahaFile("x.Prs"))
        #expect(!StyleLibrary.isYamahaFile("medium-swing.style"))
        #expect(!StyleLibrary.isYamahaFile("dir.sty/notes"))
    }

    /// A damaged Yamaha file in the styles folder is one error line; our styles still load.
    @Test func aDamagedYamahaFileIsAnErrorLine() {
        let library = StyleLibrary(files: [
            .init(path: "u/Broken.sty", bytes: Array("MThd but nothing else".utf8)),
            .init(path: "u/good.style", text: StyleLibraryTests.style("good")),
        ])
        #expect(library.names == ["good"])
        #expect(library.errors.count == 1)
        #expect(library.errors.first?.description.hasPrefix("u/Broken.sty: ") == true)
    }

    /// A real Yamaha style dropped into a folder is listed and found by name.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: realYamahaFile), "skipped: ../shared/testdata/yamaha-styles/Swing1.S737.bcs not found"))
    func aRealYamahaFileIsListed() throws {
        let data = try #require(FileManager.default.contents(atPath: realYamahaFile))
        let library = StyleLibrary(files: [.init(path: "drop/Swing1.S737.bcs", bytes: [UInt8](data))])
        #expect(library.errors.isEmpty)
        let style = try #require(library.style(named: "swing1"))
        #expect(style.sections[.main(.a)] != nil)
    }
}

private let projectRootForLibrary = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
private let realYamahaFile = projectRootForLibrary + "/../shared/testdata/yamaha-styles/Swing1.S737.bcs"
