import Foundation
import StyleEngine
import Testing
@testable import SidemanCommands

/// The configuration's `[style] folder`: searched with the shipped styles, missing = nothing.
@Suite struct StylesCommandConfigTests {
    @Test func theConfiguredFolderIsSearchedFirst() throws {
        let dir = try StylesCommandTests.tempFolder(["waltz.style": StylesCommandTests.waltz])
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("sideman.toml")
        try "[style]\nfolder = \"\(dir.path)\"\n".write(to: config, atomically: true, encoding: .utf8)
        let settings = try #require(try StylesCommand.configuration(path: config.path))
        #expect(settings.style.folder == dir.path)
        let dirs = StylesCommand.directories(userDirectory: nil, configFolder: settings.style.folder, access: .local)
        #expect(dirs.first == dir.path)
        let command = try StylesListCommand.parse(["--config", config.path])
        let library = command.loadLibrary(access: .local, folder: settings.style.folder)
        #expect(library.names.contains("my-waltz"))
        #expect(library.errors.isEmpty)
    }

    @Test func aMissingFolderAddsNothingAndIsNoError() throws {
        let command = try StylesListCommand.parse([])
        let library = command.loadLibrary(access: .local, folder: "/nonexistent/sideman/styles")
        #expect(library.errors.isEmpty)
    }

    @Test func serveFindsTheFolderStyleByName() throws {
        let dir = try StylesCommandTests.tempFolder(["waltz.style": StylesCommandTests.waltz])
        defer { try? FileManager.default.removeItem(at: dir) }
        let selection = try ServeCommand.styles(choosing: "my-waltz", folder: dir.path)
        #expect(selection.styles[selection.index].name == "my-waltz")
        #expect(selection.problems.isEmpty)
    }
}
