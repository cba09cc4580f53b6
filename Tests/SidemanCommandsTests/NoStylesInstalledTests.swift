import Foundation
import Testing

/// The executable copied on its own, with nothing installed beside it and an empty styles
/// folder configured: `serve` and `render` say no style is installed and where they looked,
/// not "no style named 'auto'".
@Suite(.enabled(if: SidemanExecutable.path != nil, "\(SidemanExecutable.missing)"),
       .enabled(if: !StyleFolders.installedOnThisMachine, "skipped: styles are installed in /usr/share or /usr/local/share on this machine"))
struct NoStylesInstalledTests {
    /// A folder holding a copy of `sideman`, an empty styles folder and a configuration naming it.
    struct Alone {
        let folder: URL
        var binary: String { folder.appendingPathComponent("bin/sideman").path }
        var styles: String { folder.appendingPathComponent("styles").path }
        var config: String { folder.appendingPathComponent("sideman.toml").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-alone-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("bin").path, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("styles").path, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try #require(SidemanExecutable.path), toPath: folder.appendingPathComponent("bin/sideman").path)
            try "[style]\nfolder = \"\(folder.appendingPathComponent("styles").path)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        }

        /// Runs the copy from its own folder, so that no source checkout is found above it.
        func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let err = Pipe(), out = Pipe()
            process.standardError = err
            process.standardOutput = out
            try process.run()
            let errors = SidemanExecutable.ErrorReader(err.fileHandleForReading)
            let output = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors.finish(), as: UTF8.self))
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func serveSaysNoStylesAreInstalledAndWhereItLooked() throws {
        let alone = try Alone()
        defer { alone.remove() }
        let result = try alone.run(["serve", "--config", alone.config])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(result.stderr)")
        let line = try #require(lines.first)
        #expect(line.hasPrefix("sideman serve: no styles installed (looked in \(alone.styles), "), "\(line)")
        #expect(line.contains("/usr/share/sideman/styles"))
        #expect(line.hasSuffix("); install the package or give --style FILE"))
        #expect(!line.contains("'auto'"))
    }

    @Test func renderSaysNoStylesAreInstalled() throws {
        let alone = try Alone()
        defer { alone.remove() }
        let result = try alone.run(["render", "--chart", "C | F | G | C", "--out", alone.folder.appendingPathComponent("x.mid").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no styles installed (looked in "), "\(result.stderr)")
        #expect(result.stderr.contains("); install the package or give --style FILE"))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// A style given by file still plays with nothing installed.
    @Test func aStyleFileNeedsNoLibrary() throws {
        let alone = try Alone()
        defer { alone.remove() }
        let mid = alone.folder.appendingPathComponent("x.mid").path
        let result = try alone.run(["render", "--chart", "C | F | G | C", "--style", projectRoot + "/styles/medium-swing.style", "--out", mid])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: mid))
    }
}

enum StyleFolders {
    static let installedOnThisMachine = ["/usr/local/share/sideman/styles", "/usr/share/sideman/styles"].contains {
        !((try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? []).isEmpty
    }
}
