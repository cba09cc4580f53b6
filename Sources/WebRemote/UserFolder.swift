import Foundation
import StyleEngine

#if canImport(Glibc)
    import Glibc
#endif

/// One of the user's folders a web request may name a file in. A name is looked up directly
/// inside it, and the file's real path (every symbolic link resolved, the folder's own too)
/// must lie directly inside the folder's real path: a link pointing out is refused, as are
/// folders and anything but a regular file.
public struct UserFolder: Hashable, Sendable {
    public let path: String
    /// What it holds, for messages: "setlists".
    public let what: String

    public init(_ path: String, what: String) {
        self.path = path
        self.what = what
    }

    /// The file to read: the name itself, else the name with each of `extensions` (a name
    /// given without its extension).
    public func existingFile(_ name: FolderName, extensions: [String] = []) throws(FolderNameError) -> String {
        guard let folder = Self.realPath(path) else { throw .missing("the \(what) folder \(path) does not exist") }
        for candidate in [name.text] + extensions.map({ name.text + "." + $0 }) {
            let file = LibraryFolders.join(path, candidate)
            guard Self.exists(file) else { continue }
            return try inside(folder, file, name)
        }
        throw .missing("no \(name.text) in \(path)")
    }

    /// The file to write: `name` with `ext` added unless it already ends in one of
    /// `extensions`. An existing file there is replaced, if it lies in the folder.
    public func newFile(_ name: FolderName, ext: String, extensions: [String]) throws(FolderNameError) -> String {
        guard let folder = Self.realPath(path) else { throw .missing("the \(what) folder \(path) does not exist") }
        let lower = name.text.lowercased()
        let base = extensions.contains { lower.hasSuffix("." + $0) } ? name.text : name.text + "." + ext
        let file = LibraryFolders.join(path, base)
        guard Self.exists(file) else { return LibraryFolders.join(folder, base) }
        return try inside(folder, file, name)
    }

    /// The real path of `file`, if it is a regular file directly inside `folder` (a real path).
    private func inside(_ folder: String, _ file: String, _ name: FolderName) throws(FolderNameError) -> String {
        guard let real = Self.realPath(file), LibraryFolders.parent(real) == folder else {
            throw .refused("\(name.text) in \(path) is a link to outside the \(what) folder")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .refused("\(name.text) in \(path) is a folder, not a file")
        }
        return real
    }

    /// True if anything is there, a dangling link included (lstat: the link itself).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Every link resolved; nil if the path or a link's target is missing.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
