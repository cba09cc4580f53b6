import Foundation
import Testing
import WebRemote

/// Names looked up in a real folder: a file found (with or without its extension), a link
/// pointing out refused, a folder refused, a missing file or folder told apart.
@Suite struct UserFolderTests {
    /// A folder `box` with `files/` (the user folder) and `outside/` next to it.
    struct Box {
        let root: String
        var files: String { root + "/files" }
        var outside: String { root + "/outside" }

        init() throws {
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-folder-\(UUID().uuidString)").path
            for dir in [made + "/files", made + "/outside"] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            root = Self.real(made)
        }

        static func real(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }

        func write(_ path: String, _ text: String = "x\n") throws { try text.write(toFile: path, atomically: false, encoding: .utf8) }
        func link(_ path: String, to target: String) throws { try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target) }
        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static func failure(_ body: () throws(FolderNameError) -> String) -> FolderNameError? {
        do throws(FolderNameError) {
            let path = try body()
            Issue.record("accepted: \(path)")
            return nil
        } catch {
            return error
        }
    }

    @Test func aFileIsFoundByNameWithOrWithoutItsExtension() throws {
        let box = try Box()
        defer { box.remove() }
        try box.write(box.files + "/tuesday.txt")
        try box.write(box.files + "/gig")
        let folder = UserFolder(box.files, what: "setlists")
        #expect(try folder.existingFile(Self.nameOrFail("tuesday.txt")) == box.files + "/tuesday.txt")
        #expect(try folder.existingFile(Self.nameOrFail("tuesday"), extensions: ["txt"]) == box.files + "/tuesday.txt")
        #expect(try folder.existingFile(Self.nameOrFail("gig"), extensions: ["txt"]) == box.files + "/gig")
        // A link inside the folder to a file inside it: the file it names.
        try box.link(box.files + "/alias.txt", to: "tuesday.txt")
        #expect(try folder.existingFile(Self.nameOrFail("alias.txt")) == box.files + "/tuesday.txt")
        // The folder itself reached through a link: still its files.
        try box.link(box.root + "/via", to: box.files)
        #expect(try UserFolder(box.root + "/via", what: "setlists").existingFile(Self.nameOrFail("tuesday.txt")) == box.files + "/tuesday.txt")
    }

    @Test func linksOutFoldersAndMissingFilesAreRefused() throws {
        let box = try Box()
        defer { box.remove() }
        try box.write(box.outside + "/secret.txt")
        try box.link(box.files + "/escape.txt", to: "../outside/secret.txt")
        try box.link(box.files + "/passwd", to: "/etc/passwd")
        try box.link(box.files + "/dangling.txt", to: box.outside + "/nothing.txt")
        try FileManager.default.createDirectory(atPath: box.files + "/sub.txt", withIntermediateDirectories: false)
        let folder = UserFolder(box.files, what: "setlists")
        for name in ["escape.txt", "escape", "passwd", "dangling.txt"] {
            let error = Self.failure { () throws(FolderNameError) in try folder.existingFile(Self.nameOrFail(name), extensions: ["txt"]) }
            #expect(error == .refused("\(name) in \(box.files) is a link to outside the setlists folder"), "\(name)")
        }
        #expect(Self.failure { () throws(FolderNameError) in try folder.existingFile(Self.nameOrFail("sub.txt")) }
            == .refused("sub.txt in \(box.files) is a folder, not a file"))
        let missing = Self.failure { () throws(FolderNameError) in try folder.existingFile(Self.nameOrFail("nothing"), extensions: ["txt"]) }
        #expect(missing == .missing("no nothing in \(box.files)"))
        #expect(missing?.status == .conflict)
        let noFolder = UserFolder(box.root + "/none", what: "setlists")
        #expect(Self.failure { () throws(FolderNameError) in try noFolder.existingFile(Self.nameOrFail("x")) }
            == .missing("the setlists folder \(box.root)/none does not exist"))
    }

    @Test func aNewFileIsPlacedInTheFolderNeverThroughALinkOut() throws {
        let box = try Box()
        defer { box.remove() }
        let folder = UserFolder(box.files, what: "charts")
        let chart = { (name: String) throws(FolderNameError) -> String in
            try folder.newFile(Self.nameOrFail(name), ext: "chart", extensions: ["chart", "txt"])
        }
        #expect(try chart("my loop") == box.files + "/my loop.chart")
        #expect(try chart("my loop.chart") == box.files + "/my loop.chart")
        #expect(try chart("drill.TXT") == box.files + "/drill.TXT")
        #expect(try chart("v1.2") == box.files + "/v1.2.chart")
        // An existing file is replaced; a link inside to one inside writes that one.
        try box.write(box.files + "/old.chart")
        try box.link(box.files + "/alias.chart", to: "old.chart")
        #expect(try chart("old") == box.files + "/old.chart")
        #expect(try chart("alias") == box.files + "/old.chart")
        // Links out, dangling or not, are refused: nothing would be written outside.
        try box.write(box.outside + "/target.chart")
        try box.link(box.files + "/out.chart", to: box.outside + "/target.chart")
        try box.link(box.files + "/new-out.chart", to: box.outside + "/created.chart")
        #expect(Self.failure { () throws(FolderNameError) in try chart("out") }?.status == .badRequest)
        #expect(Self.failure { () throws(FolderNameError) in try chart("new-out") }?.status == .badRequest)
        #expect(!FileManager.default.fileExists(atPath: box.outside + "/created.chart"))
    }

    /// A name known to be good, with the check's own error type.
    static func nameOrFail(_ text: String) throws(FolderNameError) -> FolderName { try FolderName(text, what: "setlist", hint: "a name") }
}
