import Foundation

/// Locates the shared real-world test files (`../shared/testdata/` next to the project root).
enum TestData {
    static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MusicCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let root = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")

    static func directory(_ name: String) -> URL { root.appendingPathComponent(name) }

    static func exists(_ name: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Regular files in a test-data folder, sorted by name.
    static func files(in name: String) -> [URL] {
        let dir = directory(name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }.filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
}
