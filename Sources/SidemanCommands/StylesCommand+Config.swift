import Foundation
import SidemanDaemon
import StyleEngine

extension StylesCommand {
    /// The style folders in search order: the command line's folder, the configuration's
    /// `[style] folder` (the user's drop-in folder; missing = nothing from it), a source
    /// checkout's styles/, then the installed ones.
    static func directories(userDirectory: String?, configFolder: String?, access: StyleLibrary.FileAccess) -> [String] {
        var dirs = StyleLibrary.searchDirectories(
            userDirectory: userDirectory, executablePath: executablePath,
            currentDirectory: FileManager.default.currentDirectoryPath, access: access)
        if let configFolder, !configFolder.isEmpty, !dirs.contains(configFolder) {
            dirs.insert(configFolder, at: userDirectory == nil ? 0 : 1)
        }
        return dirs
    }

    /// The configuration `--config` names, else the default file if it exists, else nil.
    static func configuration(path: String?) throws -> SidemanConfig? {
        if let path { return try SidemanConfig.load(path: path) }
        guard FileManager.default.fileExists(atPath: SidemanConfig.defaultPath) else { return nil }
        return try SidemanConfig.load(path: SidemanConfig.defaultPath)
    }
}
