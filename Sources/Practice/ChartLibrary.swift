import MusicCore
import StyleEngine

/// The songs and drills Sideman can play, found by name: the user's folder
/// (`/var/lib/sideman/charts`), a source checkout's `charts/`, then the installed folders —
/// the same places, in the same order, as the style library. The disk is reached through
/// `FileAccess`, which the caller supplies, so this stays free of I/O.
public struct ChartLibrary: Sendable {
    public struct Entry: Sendable {
        /// The file name without its extension: what `--song` and `charts show` take.
        public var name: String
        public var path: String
        public var chart: ChordChart
    }

    /// The few file operations the library needs.
    public struct FileAccess: Sendable {
        public var listDirectory: @Sendable (String) -> [String]?
        public var readText: @Sendable (String) throws -> String
        public var exists: @Sendable (String) -> Bool

        public init(
            listDirectory: @escaping @Sendable (String) -> [String]?, readText: @escaping @Sendable (String) throws -> String,
            exists: @escaping @Sendable (String) -> Bool
        ) {
            self.listDirectory = listDirectory
            self.readText = readText
            self.exists = exists
        }
    }

    /// Sorted by name; a name found in several folders is the first folder's.
    public private(set) var entries: [Entry]
    /// One line per file that could not be read.
    public private(set) var errors: [String]
    public let directories: [String]

    public static let userDirectory = "/var/lib/sideman/charts"
    public static let installedDirectories = LibraryFolders.installed("charts")
    /// Chart files: `.chart` (ours and imported) and `.txt` (the corpus' files).
    public static let extensions = ["chart", "txt"]

    /// Folders in the order they are searched, first match wins: those of the styles
    /// (`LibraryFolders`), with charts/ for styles/.
    public static func searchDirectories(
        userDirectory: String? = ChartLibrary.userDirectory, executablePath: String?, currentDirectory: String?,
        access: FileAccess
    ) -> [String] {
        LibraryFolders.search(
            "charts", userDirectory: userDirectory, executablePath: executablePath, currentDirectory: currentDirectory,
            exists: access.exists)
    }

    public init(directories: [String], access: FileAccess) {
        self.directories = directories
        var byName: [String: Entry] = [:]
        var errors: [String] = []
        for dir in directories {
            guard let names = access.listDirectory(dir) else { continue }
            for file in names.sorted() {
                guard let dot = file.lastIndex(of: "."), Self.extensions.contains(file[file.index(after: dot)...].lowercased()) else { continue }
                let name = String(file[..<dot])
                let path = Self.join(dir, file)
                guard byName[name] == nil else { continue }
                do {
                    let text = try access.readText(path)
                    byName[name] = Entry(name: name, path: path, chart: try ChordChart.parse(text, source: path))
                } catch let error as ChordChartError {
                    errors.append(error.description)
                } catch {
                    errors.append("\(path): cannot be read (\(error))")
                }
            }
        }
        entries = byName.values.sorted { $0.name < $1.name }
        self.errors = errors
    }

    /// A song by its file name ("ii-v-i-major"), ignoring case, spaces, dashes and
    /// underscores, or by its title.
    public func entry(named query: String) -> Entry? {
        if let exact = entries.first(where: { $0.name == query }) { return exact }
        let key = Self.key(query)
        return entries.first { Self.key($0.name) == key || Self.key($0.chart.title) == key }
    }

    static func key(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func parent(_ path: String) -> String { LibraryFolders.parent(path) }

    static func join(_ dir: String, _ name: String) -> String { LibraryFolders.join(dir, name) }
}
