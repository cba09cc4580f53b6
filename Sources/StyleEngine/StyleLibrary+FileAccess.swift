/// Finding style files on disk, with the disk itself supplied by the caller.
extension StyleLibrary {
    /// The few file operations the library needs, injected so that StyleEngine stays pure.
    public struct FileAccess: Sendable {
        /// Names of the entries of a directory, or nil if it does not exist.
        public var listDirectory: @Sendable (String) -> [String]?
        /// The bytes of a file.
        public var readFile: @Sendable (String) throws -> [UInt8]
        /// Whether a file or directory exists.
        public var exists: @Sendable (String) -> Bool

        public init(
            listDirectory: @escaping @Sendable (String) -> [String]?,
            readFile: @escaping @Sendable (String) throws -> [UInt8],
            exists: @escaping @Sendable (String) -> Bool
        ) {
            self.listDirectory = listDirectory
            self.readFile = readFile
            self.exists = exists
        }
    }

    /// Folders an installed Sideman ships its styles in.
    public static let installedDirectories = LibraryFolders.installed("styles")

    /// Where to look, first match wins (`LibraryFolders`, as for charts).
    public static func searchDirectories(
        userDirectory: String?, executablePath: String?, currentDirectory: String?, access: FileAccess
    ) -> [String] {
        LibraryFolders.search(
            "styles", userDirectory: userDirectory, executablePath: executablePath, currentDirectory: currentDirectory,
            exists: access.exists)
    }

    /// Reads every `*.style` file and Yamaha style file of `directories` in order (files sorted by name within a
    /// folder). A folder that does not exist is skipped, unless it is in `required` (the
    /// user's own folder), which then gives an error line.
    public static func load(
        from directories: [String], required: [String] = [], access: FileAccess, reusing previous: StyleLibrary? = nil
    ) -> StyleLibrary {
        var files: [File] = []
        var errors: [StyleParseError] = []
        for dir in directories {
            guard let entries = access.listDirectory(dir) else {
                if required.contains(dir) { errors.append(StyleParseError(file: dir, line: 0, message: "no such styles folder")) }
                continue
            }
            for entry in entries.sorted() where entry.hasSuffix("." + StyleTextFormat.fileExtension) || isYamahaFile(entry) {
                let path = join(dir, entry)
                do {
                    files.append(File(path: path, bytes: try access.readFile(path)))
                } catch {
                    errors.append(StyleParseError(file: path, line: 0, message: "cannot be read (\(error))"))
                }
            }
        }
        return StyleLibrary(files: files, errors: errors, reusing: previous)
    }

    static func parent(_ path: String) -> String { LibraryFolders.parent(path) }

    static func join(_ dir: String, _ name: String) -> String { LibraryFolders.join(dir, name) }
}
