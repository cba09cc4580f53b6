import Foundation
import MusicCore
import Practice

extension ChartLibrary.FileAccess {
    /// The local disk.
    static let local = ChartLibrary.FileAccess(
        listDirectory: { try? FileManager.default.contentsOfDirectory(atPath: $0) },
        readText: { try String(contentsOfFile: $0, encoding: .utf8) },
        exists: { FileManager.default.fileExists(atPath: $0) })
}

extension ChartLibrary {
    /// The library as the command line sees it: the user folder, this checkout's `charts/`
    /// (or the installed ones), read from the disk.
    static func standard(userDirectory: String? = ChartLibrary.userDirectory) -> ChartLibrary {
        let executable = CommandLine.arguments.first.map(RenderStyleLoader.absolutePath)
        let dirs = searchDirectories(
            userDirectory: userDirectory, executablePath: executable,
            currentDirectory: FileManager.default.currentDirectoryPath, access: .local)
        return ChartLibrary(directories: dirs, access: .local)
    }

    /// A song by name, or a chart file by path; one clear line when there is none.
    func chart(named name: String) throws -> ChordChart {
        if name.contains("/") || name.hasSuffix(".chart") || name.hasSuffix(".txt") {
            guard let text = try? String(contentsOfFile: name, encoding: .utf8) else {
                throw RenderError.file(name, FileManager.default.fileExists(atPath: name) ? "cannot be read" : "no such file")
            }
            return try ChordChart.parse(text, source: name)
        }
        if let entry = entry(named: name) { return entry.chart }
        if let broken = errors.first(where: { $0.contains("/\(name).") }) { throw RenderError.badOption(broken) }
        throw RenderError.badOption("no song named '\(name)' (looked in \(directories.joined(separator: ", ")); sideman charts list shows them)")
    }
}
