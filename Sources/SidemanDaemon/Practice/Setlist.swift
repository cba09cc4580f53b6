import Practice

/// An ordered list of songs, each with its own settings, for a gig or a lesson. A plain text
/// file (docs/setlists.md):
///
///     # Tuesday lesson
///     Title = Tuesday lesson
///     Advance = auto
///     blues-major --tempo 110 --count-in 1
///     ii-v-i-major --keys fourths --ramp 100:140:+10 --loop 1-4x12
///     "My Tune" --tempo 96 --ending
///
/// `Key = Value` lines before the first song are settings: the title, and whether the next
/// song starts by itself when one ends (`Advance = auto`, the default) or waits for next
/// (`Advance = manual`). Every other line is a song (a name from `sideman charts list`, or a
/// chart file's path, in double quotes when it holds spaces) and the options of `sideman play`.
public struct Setlist: Hashable, Sendable {
    public var title: String
    public var songs: [PracticeRequest]
    public var advancesByItself: Bool

    /// The user's setlists: the only folder the web remote loads a setlist from (by name).
    public static let userDirectory = "/var/lib/sideman/setlists"

    public init(title: String, songs: [PracticeRequest], advancesByItself: Bool = true) {
        self.title = title
        self.songs = songs
        self.advancesByItself = advancesByItself
    }

    /// Reads a setlist; errors name `source`, the line and the problem.
    public static func parse(_ text: String, source: String) throws(PracticeError) -> Setlist {
        var title = ""
        var advance = true
        var songs: [PracticeRequest] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }.trimmingSuffix()
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ reason: String) -> PracticeError { PracticeError("\(source):\(n + 1): \(reason)") }
            if songs.isEmpty, let eq = line.firstIndex(of: "=") {
                let key = line[..<eq].trimmingSuffix().lowercased()
                let value = String(line[line.index(after: eq)...].drop { $0 == " " }).trimmingSuffix()
                if !key.isEmpty, key.allSatisfy(\.isLetter) {
                    switch key {
                    case "title": title = value
                    case "advance":
                        switch value.lowercased() {
                        case "auto": advance = true
                        case "manual": advance = false
                        default: throw fail("Advance \"\(value)\": give auto or manual")
                        }
                    default: throw fail("unknown setting \(key) (known: Title, Advance)")
                    }
                    continue
                }
            }
            let words: [String]
            do { words = try Self.words(line) } catch { throw fail(error.message) }
            do {
                songs.append(try PracticeRequest(words: words))
            } catch {
                throw fail(error.message)
            }
        }
        guard !songs.isEmpty else { throw PracticeError("\(source): no songs (one a line: a name and its options)") }
        return Setlist(title: title.isEmpty ? Self.baseName(source) : title, songs: songs, advancesByItself: advance)
    }

    /// The setlist as text that reads back the same.
    public var text: String {
        var lines = ["Title = \(title)", "Advance = \(advancesByItself ? "auto" : "manual")"]
        for song in songs {
            lines.append(song.words.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Splits a line into words; double quotes keep spaces.
    static func words(_ line: String) throws(PracticeError) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var any = false
        for c in line {
            if c == "\"" {
                quoted.toggle()
                any = true
            } else if c == " " || c == "\t", !quoted {
                if any { words.append(current) }
                current = ""
                any = false
            } else {
                current.append(c)
                any = true
            }
        }
        guard !quoted else { throw PracticeError("a quote is not closed") }
        if any { words.append(current) }
        return words
    }

    static func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.split(separator: ".").first.map(String.init) ?? file
    }
}

extension StringProtocol {
    fileprivate func trimmingSuffix() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
