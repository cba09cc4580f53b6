/// The styles Sideman can play, found by name. Built from files' contents the caller read
/// (or through `StyleLibrary.FileAccess`, which the caller supplies), so this target does no I/O.
/// A file that fails to parse becomes one error line; the other styles are still available.
public struct StyleLibrary: Sendable {
    /// Sorted by name; a name found in several places is the one from the first place searched.
    public private(set) var styles: [Style]
    /// One per file that could not be read or parsed, in the order they were met.
    public private(set) var errors: [StyleParseError]

    /// A style file's path (for messages and the default name) and its text.
    public struct File: Sendable {
        public var path: String
        public var text: String
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// Parses every file; earlier files win when two styles share a name.
    public init(files: [File], errors: [StyleParseError] = []) {
        var byName: [String: Style] = [:]
        var order: [String] = []
        var problems = errors
        for file in files {
            do {
                let style = try StyleTextFormat.parse(file.text, fileName: file.path)
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

    public var names: [String] { styles.map(\.name) }

    /// Finds a style by its name ("medium-swing"), ignoring case, spaces and dashes, or by its title.
    public func style(named query: String) -> Style? {
        if let exact = styles.first(where: { $0.name == query }) { return exact }
        let key = GeneralMIDI.key(query)
        return styles.first { GeneralMIDI.key($0.name) == key || GeneralMIDI.key($0.title) == key }
    }
}
