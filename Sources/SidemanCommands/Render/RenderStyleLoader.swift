import Foundation
import StyleEngine

/// Finds the style `--style` names: a file (our .style text, or a Yamaha style file), or a
/// name from the style library's folders.
enum RenderStyleLoader {
    static let yamahaExtensions: Set<String> = ["sty", "prs", "sst", "bcs", "pst", "pcs"]

    /// `directories` are the folders to search for a name (default: the library's own list).
    static func load(_ nameOrPath: String, directories: [String]? = nil) throws -> Style {
        let ext = (nameOrPath as NSString).pathExtension.lowercased()
        let looksLikeFile = nameOrPath.contains("/") || ext == StyleTextFormat.fileExtension || yamahaExtensions.contains(ext)
        if looksLikeFile || FileManager.default.fileExists(atPath: nameOrPath) {
            return try loadFile(nameOrPath)
        }
        let access = StyleLibrary.FileAccess.local
        let directories = directories ?? StyleLibrary.searchDirectories(
            userDirectory: nil, executablePath: CommandLine.arguments.first.map(absolutePath),
            currentDirectory: FileManager.default.currentDirectoryPath, access: access)
        let library = StyleLibrary.load(from: directories, access: access)
        if let style = library.style(named: nameOrPath) { return style }
        throw noStyle(nameOrPath, library: library, searched: directories)
    }

    /// The error for a name not found: no library at all says so, rather than naming a style
    /// the user may never have asked for (the configuration's default, "auto").
    static func noStyle(_ name: String, library: StyleLibrary, searched: [String]) -> RenderError {
        library.styles.isEmpty ? .noStylesInstalled(searched: searched) : .noStyle(name, searched: searched)
    }

    static func loadFile(_ path: String) throws -> Style {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError.file(path, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        let bytes = [UInt8](data)
        if YamahaStyleReader.isYamahaStyle(bytes) {
            return try YamahaStyleReader.read(bytes, fileName: path)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RenderError.file(path, "neither a style text file (UTF-8) nor a Yamaha style")
        }
        return try StyleTextFormat.parse(text, fileName: path)
    }

    static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if !path.contains("/") {
            // Found through PATH: the executable's real location is what matters.
            return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? path
        }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
