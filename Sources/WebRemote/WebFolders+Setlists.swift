import Foundation

extension WebFolders {
    /// The setlists a phone can load, by name, ignoring case: every file of the setlists folder
    /// with an extension setlist_load accepts (`.txt`, `.setlist`) whose name the web accepts
    /// and which lies in the folder (no link leading out, no folder). One that does not parse
    /// is listed with its error. No folder: none.
    public func setlistListing() -> [WebSetlist] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: setlists.path) else { return [] }
        let entries: [WebSetlist] = names.compactMap { raw in
            let ext = (raw as NSString).pathExtension.lowercased()
            guard Self.setlistExtensions.contains(ext) else { return nil }
            do throws(FolderNameError) {
                let name = try FolderName(raw, what: "setlist", hint: "")
                return WebSetlist(name: raw, file: try setlists.existingFile(name))
            } catch {
                return nil
            }
        }
        return entries.sorted { a, b in
            let (x, y) = (a.name.lowercased(), b.name.lowercased())
            return x != y ? x < y : a.name < b.name
        }
    }
}
