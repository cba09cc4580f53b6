/// A file name a web request gives for one of the user's folders (setlists, charts,
/// recordings) or a library's entry (a song), checked before anything touches the disk. A
/// phone on the network names a file in a folder the box chose, never a path: so it can
/// neither read nor write anything else (the local control socket still takes paths).
public struct FolderName: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    /// Longest name, in UTF-8 bytes (a file name may have 255; the page's names are short).
    public static let maxBytes = 200

    /// Checks `raw` as the name of a `what` ("setlist", "song"); `hint` says where the names
    /// are ("GET /api/songs lists them"). The error is one line a person can read.
    public init(_ raw: String, what: String, hint: String) throws(FolderNameError) {
        func refuse(_ problem: String) -> FolderNameError { .refused("\(what) name \(problem): \(hint)") }
        if raw.isEmpty { throw refuse("is empty") }
        let bytes = raw.utf8.count
        if bytes > Self.maxBytes { throw refuse("is \(bytes) bytes long, at most \(Self.maxBytes)") }
        if raw.unicodeScalars.contains("\0") { throw refuse("holds a NUL byte") }
        let shown = "'\(raw)'"
        if raw.hasPrefix("/") { throw refuse("\(shown) is a path, not a name") }
        if raw.contains("/") || raw.contains("\\") { throw refuse("\(shown) holds a slash: give a name, not a path") }
        if raw == "." || raw == ".." { throw refuse("\(shown) is a folder, not a name") }
        if raw.hasPrefix(".") { throw refuse("\(shown) starts with a dot") }
        if raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw refuse("\(shown.debugDescription) holds a control character")
        }
        text = raw
    }

    public var description: String { text }
}
