import Foundation

/// Finds a General MIDI SoundFont where Debian, Raspberry Pi OS and hand installs put one,
/// so that `sideman` makes sound without configuration.
public struct SoundFontLocator: Sendable {
    /// Exact files tried first, best first: FluidR3_GM (fluid-soundfont-gm) sounds best,
    /// TimGM6mb (timgm6mb-soundfont) is small, default-GM.sf2 is Debian's alternatives link.
    public static let preferredFiles = [
        "/usr/share/sounds/sf2/FluidR3_GM.sf2",
        "/usr/share/sounds/sf2/TimGM6mb.sf2",
        "/usr/share/sounds/sf2/default-GM.sf2",
        "/usr/share/soundfonts/default.sf2",
        "/usr/share/soundfonts/FluidR3_GM.sf2",
    ]
    /// Then any .sf2 in these folders, in name order.
    public static let searchedDirectories = [
        "/usr/share/soundfonts",
        "/usr/share/sounds/sf2",
        "/usr/local/share/soundfonts",
        "/usr/local/share/sounds/sf2",
    ]

    public var preferredFiles: [String]
    public var searchedDirectories: [String]
    private let isFile: @Sendable (String) -> Bool
    private let contentsOfDirectory: @Sendable (String) -> [String]

    public init(
        preferredFiles: [String] = Self.preferredFiles, searchedDirectories: [String] = Self.searchedDirectories
    ) {
        self.init(
            preferredFiles: preferredFiles, searchedDirectories: searchedDirectories,
            isFile: { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue && FileManager.default.isReadableFile(atPath: path)
            },
            contentsOfDirectory: { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] })
    }

    /// A locator over any file system (tests pass a fake one).
    public init(
        preferredFiles: [String], searchedDirectories: [String], isFile: @escaping @Sendable (String) -> Bool,
        contentsOfDirectory: @escaping @Sendable (String) -> [String]
    ) {
        self.preferredFiles = preferredFiles
        self.searchedDirectories = searchedDirectories
        self.isFile = isFile
        self.contentsOfDirectory = contentsOfDirectory
    }

    /// The first SoundFont found, or nil.
    public func find() -> String? {
        if let file = preferredFiles.first(where: isFile) { return file }
        for directory in searchedDirectories {
            let names = contentsOfDirectory(directory).filter { $0.lowercased().hasSuffix(".sf2") }.sorted()
            for name in names {
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                if isFile(path) { return path }
            }
        }
        return nil
    }

    /// The first SoundFont found, or an error that says where we looked and what to do.
    public func locate() throws(FluidSynthError) -> String {
        guard let path = find() else {
            throw .noGeneralMIDISoundFont(
                searched: preferredFiles + searchedDirectories.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + "*.sf2" })
        }
        return path
    }
}
