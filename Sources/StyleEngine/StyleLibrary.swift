/// The styles Sideman can play, found by name. Built from files' contents the caller read
/// (or through `StyleLibrary.FileAccess`, which the caller supplies), so this target does no I/O.
/// A file that fails to parse becomes one error line; the other styles are still available.
public struct StyleLibrary: Sendable {
    /// Sorted by name; a name found in several places is the one from the first place searched.
    public private(set) var styles: [Style]
    /// One per file that could not be read or parsed, in the order they were met.
    public private(set) var errors: [StyleParseError]
    /// What each file read and became, by path: a later load that finds the same bytes takes
    /// the style from here instead of parsing it again (a daemon's reload then builds nothing
    /// new for the styles that did not change, and its heap does not fragment reload by reload).
    private var sources: [String: Source] = [:]
    /// Files this library parsed itself (the others were taken from the library it reused).
    public private(set) var parsedCount = 0

    /// A file's length and a 64-bit digest of its bytes (this process's `Hasher`), rather than
    /// the bytes: a large Yamaha library is not kept twice in memory.
    struct Source: Sendable {
        var byteCount: Int
        var digest: Int
        var result: Result<Style, StyleParseError>

        static func digest(_ bytes: [UInt8]) -> Int {
            var hasher = Hasher()
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            return hasher.finalize()
        }
    }

    /// A style file's path (for messages and the default name) and its bytes: our text
    /// format, or a Yamaha style file (told apart by the extension).
    public struct File: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public init(path: String, text: String) {
            self.path = path
            self.bytes = Array(text.utf8)
        }
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }

        /// Yamaha style files: .sty .prs .sst .bcs … in any case.
        public var isYamaha: Bool { StyleLibrary.isYamahaFile(path) }
    }

    /// Whether a file name has a Yamaha style extension (any case).
    public static func isYamahaFile(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return YamahaStyleReader.fileExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Parses every file; earlier files win when two styles share a name. A file whose path and
    /// bytes are the same as in `previous` is not parsed again: its style (or its error) is
    /// taken from there.
    public init(files: [File], errors: [StyleParseError] = [], reusing previous: StyleLibrary? = nil) {
        var byName: [String: Style] = [:]
        var order: [String] = []
        var problems = errors
        for file in files {
            let result: Result<Style, StyleParseError>
            let digest = Source.digest(file.bytes)
            if let prior = previous?.sources[file.path], prior.byteCount == file.bytes.count, prior.digest == digest {
                result = prior.result
            } else {
                result = Result { () throws(StyleParseError) in try Self.parse(file) }
                parsedCount += 1
            }
            sources[file.path] = Source(byteCount: file.bytes.count, digest: digest, result: result)
            do {
                let style = try result.get()
                if byName[style.name] == nil {
                    byName[style.name] = style
                    order.append(style.name)
                }
            } catch {
                problems.append(error)
            }
        }
        self.styles = order.sorted().compactMap { byName[$0] }
        self.errors = problems
    }

    /// One file into a style: a Yamaha style by its bytes, ours by its text.
    static func parse(_ file: File) throws(StyleParseError) -> Style {
        if file.isYamaha {
            do {
                return try YamahaStyleReader.read(file.bytes, fileName: file.path)
            } catch {
                throw StyleParseError(file: error.file, line: 0, message: error.message)
            }
        }
        return try StyleTextFormat.parse(String(decoding: file.bytes, as: UTF8.self), fileName: file.path)
    }

    public var names: [String] { styles.map(\.name) }

    /// Finds a style by its name ("medium-swing"), ignoring case, spaces and dashes, or by its title.
    public func style(named query: String) -> Style? {
        if let exact = styles.first(where: { $0.name == query }) { return exact }
        let key = GeneralMIDI.key(query)
        return styles.first { GeneralMIDI.key($0.name) == key || GeneralMIDI.key($0.title) == key }
    }
}
