import Foundation
import StyleEngine
import Testing
@testable import SidemanCommands

@Suite struct StylesCommandTests {
    static func tempFolder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-styles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    static let waltz = "name my-waltz\ntitle My \"Waltz\"\ngenre Folk\nmeter 3/4\ntempo 92.5\nsection Intro 1\nbars 1\nbass: C2/h.\nsection Main A\nbars 2\nbass: C2/h. | G1/h.\n"

    @Test func userFolderIsSearchedAndBadFilesAreReportedNotFatal() throws {
        let dir = try Self.tempFolder(["waltz.style": Self.waltz, "broken.style": "name broken\nsection Main A\nbars 1\nrhythm1:\n  kik x\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let command = try StylesListCommand.parse(["--styles-dir", dir.path])
        let library = command.loadLibrary(access: .local)
        #expect(library.names.contains("my-waltz"))
        #expect(library.errors.count == 1)
        let line = try #require(library.errors.first?.description)
        #expect(line.hasSuffix("broken.style:5: unknown drum 'kik' (expected one of kick, snare, rim, hihat, openhat, pedalhat, ride, bell, crash, hitom, midtom, lowtom, … or a note number)"))
        // Run from the test process, the checkout's styles/ is found from the current directory.
        #expect(library.names.contains("medium-swing") || !FileManager.default.fileExists(atPath: "styles"))
    }

    @Test func jsonListsNameTitleGenreMeterTempoAndSections() throws {
        let library = StyleLibrary(files: [.init(path: "w.style", text: Self.waltz)])
        let text = StylesCommand.json(library.styles)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        let style = parsed[0]
        #expect(style["name"] as? String == "my-waltz")
        #expect(style["title"] as? String == "My \"Waltz\"")
        #expect(style["genre"] as? String == "Folk")
        #expect(style["meter"] as? String == "3/4")
        #expect((style["tempo"] as? NSNumber)?.doubleValue == 92.5)
        #expect(style["sections"] as? [String] == ["Intro 1", "Main A"])
        #expect(StylesCommand.json([]) == "[]\n")
    }

    @Test func tableHasAlignedColumns() throws {
        let library = StyleLibrary(files: [
            .init(path: "w.style", text: Self.waltz),
            .init(path: "r.style", text: "name rock\ntempo 120\nsection Main A\nbars 1\nbass: C2/w\n"),
        ])
        let lines = StylesCommand.table(library.styles).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("NAME"))
        #expect(lines[1].hasPrefix("my-waltz") && lines[1].hasSuffix("3/4    92.5"))
        #expect(lines[2].hasPrefix("rock") && lines[2].hasSuffix("120"))
        let titleColumn = lines[0].range(of: "TITLE")!.lowerBound.utf16Offset(in: lines[0])
        #expect(lines[1].range(of: "My \"Waltz\"")!.lowerBound.utf16Offset(in: lines[1]) == titleColumn)
        #expect(lines[2].range(of: "Other")!.lowerBound.utf16Offset(in: lines[2]) > titleColumn)
    }

    @Test func theCommandIsRegistered() throws {
        #expect(SidemanCommand.configuration.subcommands.contains { $0 == StylesCommand.self })
        let listing = try SidemanCommand.parseAsRoot(["styles", "--json", "--styles-dir", "/tmp"])
        #expect((listing as? StylesListCommand)?.json == true)
        #expect((listing as? StylesListCommand)?.stylesDir == "/tmp")
        #expect(try SidemanCommand.parseAsRoot(["styles", "inspect", "x.sty"]) is StylesInspectCommand)
    }
}
