import Practice
import SidemanDaemon

/// A setlist as the page's picker lists it: the name `POST /api/setlist/load` takes, and how
/// many songs it has, or why it would not load. Only names, never the folder's path: the
/// parser is given the file's name as its source, so its messages name nothing else.
public struct WebSetlist: Codable, Hashable, Sendable {
    /// The file's name in the setlists folder, extension included.
    public var name: String
    /// Its `Title =`, else the file's name without its extension.
    public var title: String?
    public var songs: Int?
    /// One line: the file, the line and the problem (`broken.txt:2: unknown option --tempi …`).
    public var error: String?

    public init(name: String, title: String? = nil, songs: Int? = nil, error: String? = nil) {
        self.name = name
        self.title = title
        self.songs = songs
        self.error = error
    }

    /// The setlist in `file` (a real path inside the folder), read as setlist_load reads it;
    /// its errors name the file by `name` alone.
    init(name: String, file: String) {
        self.name = name
        do {
            let setlist = try Setlist.load(path: file, source: name)
            title = setlist.title
            songs = setlist.songs.count
        } catch {
            self.error = Self.oneLine(error.message)
        }
    }

    /// The first line of a message, for a picker's option.
    static func oneLine(_ message: String) -> String {
        String(message.split(whereSeparator: \.isNewline).first ?? Substring(message))
    }
}
