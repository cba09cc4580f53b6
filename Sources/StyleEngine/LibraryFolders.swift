/// Where Sideman looks for the files it ships (styles, charts), one search for all of them so
/// that a style and a chart are found in the same places, in the same order: the user's
/// folder, a source checkout's folder (found above the executable or the current directory: a
/// folder holding Package.swift and the named one), `<prefix>/share/sideman/<name>` next to
/// an installed `<prefix>/bin/sideman`, then the standard installed folders. Pure: the one
/// question it asks of the disk is supplied by the caller.
public enum LibraryFolders {
    /// The installed folders for `name` ("styles", "charts"), most local first.
    public static func installed(_ name: String) -> [String] {
        ["/usr/local/share/sideman/\(name)", "/usr/share/sideman/\(name)"]
    }

    /// Folders in the order they are searched, each once; first match wins.
    public static func search(
        _ name: String, userDirectory: String?, executablePath: String?, currentDirectory: String?,
        exists: (String) -> Bool
    ) -> [String] {
        var result: [String] = []
        func add(_ dir: String) { if !result.contains(dir) { result.append(dir) } }
        if let userDirectory { add(userDirectory) }
        for start in [executablePath.map(parent), currentDirectory].compactMap({ $0 }) {
            var dir = start
            while true {
                if exists(join(dir, "Package.swift")) && exists(join(dir, name)) {
                    add(join(dir, name))
                    break
                }
                let up = parent(dir)
                if up == dir { break }
                dir = up
            }
        }
        if let executablePath {
            let bin = parent(executablePath)
            if bin.hasSuffix("/bin") { add(join(parent(bin), "share/sideman/\(name)")) }
        }
        installed(name).forEach(add)
        return result
    }

    /// The folder holding `path` ("/" for a top-level entry, "." for a bare name).
    public static func parent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    public static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}
