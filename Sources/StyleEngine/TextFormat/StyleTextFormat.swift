import MusicCore

/// Sideman's own style format: a text file a musician can read and edit (docs/style-format.md).
/// Pure: the caller reads the file and passes its text; `fileName` only appears in errors.
public enum StyleTextFormat {
    /// The file extension of style text files.
    public static let fileExtension = "style"

    public static func parse(_ text: String, fileName: String) throws(StyleParseError) -> Style {
        var parser = StyleTextParser(fileName: fileName)
        try parser.read(SourceLine.split(text))
        return try parser.build()
    }

    /// The style name a file gets when it has no `name` line: its file name without folder
    /// and extension ("styles/medium-swing.style" -> "medium-swing").
    public static func defaultName(forFile fileName: String) -> String {
        var base = Substring(fileName)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        return String(base)
    }
}
