/// The `irealb://` and `irealbook://` links iReal Pro exports (one song, or a playlist of
/// songs), found in an HTML page or a text file and unpacked into songs. The format is
/// iReal Pro's published chord-chart protocol plus the scrambling of the `irealb://` music
/// field (see docs/chord-charts.md, "iReal Pro import").
public enum IRealLink {
    public static let prefixes = ["irealb://", "irealbook://"]

    /// Every link in a text: each starts with a prefix and ends at the quote that opened it
    /// (an `href="..."` may hold an apostrophe, as in "You're"), or else at a quote, `<`,
    /// `>` or white space; HTML entities (`&amp;`, `&#39;` ...) in it are decoded.
    public static func links(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let start = firstPrefix(in: rest) {
            var end = start
            let opener = start > rest.startIndex ? rest[rest.index(before: start)] : " "
            let stops: String = opener == "\"" ? "\"<>\n\r" : opener == "'" ? "'<>\n\r" : "\"'<> \n\r\t"
            while end < rest.endIndex, !stops.contains(rest[end]) { end = rest.index(after: end) }
            result.append(decodeEntities(String(rest[start..<end])))
            rest = rest[end...]
        }
        return result
    }

    static func firstPrefix(in text: Substring) -> Substring.Index? {
        prefixes.compactMap { text.firstRange(of: $0)?.lowerBound }.min()
    }

    /// The songs of one link, and the playlist's name when it holds several.
    public static func songs(of link: String) throws(IRealError) -> (playlist: String?, songs: [IRealSong]) {
        let scrambled = link.hasPrefix("irealb://")
        guard let prefix = prefixes.first(where: { link.hasPrefix($0) }) else { throw IRealError("not an iReal Pro link (irealb:// or irealbook://)") }
        let body = try percentDecoded(String(link.dropFirst(prefix.count)))
        let fields = body.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        var songs: [IRealSong] = []
        var playlist: String?
        if scrambled || fields.contains(where: { $0.hasPrefix(IRealSong.musicPrefix) }) {
            // Title=Composer=(unused)=Style=Key=Transpose=Music=CompStyle=BPM=Repeats, songs
            // joined by "===" and the playlist's name last. Empty fields make "===" inside a
            // song too, so each song is found by its music field.
            let music = fields.indices.filter { fields[$0].hasPrefix(IRealSong.musicPrefix) }
            guard !music.isEmpty else { throw IRealError("no chord chart in the link (no music field)") }
            for m in music {
                func field(_ offset: Int) -> String { fields.indices.contains(m + offset) ? fields[m + offset] : "" }
                guard m >= 6 else { throw IRealError("a song without its title, composer, style and key fields") }
                let decoded = IRealSong.unscramble(String(fields[m].dropFirst(IRealSong.musicPrefix.count)))
                songs.append(IRealSong(
                    title: field(-6), composer: field(-5), style: field(-3), key: field(-2), transpose: Int(field(-1)) ?? 0,
                    music: decoded, compStyle: field(1), bpm: Int(field(2)) ?? 0, repeats: Int(field(3)) ?? 0))
            }
            if music.count > 1, let last = music.last, last + 4 < fields.count {
                let name = fields[(last + 4)...].filter { !$0.isEmpty }.joined(separator: "=")
                playlist = name.isEmpty ? nil : name
            }
        } else {
            // The older form: Title=Composer=Style=Key=n=Music, songs one after another
            // (or joined by "==="), the music in plain text.
            let parts = fields
            var i = 0
            while i + 5 < parts.count {
                if parts[i].isEmpty { i += 1; continue }
                songs.append(IRealSong(
                    title: parts[i], composer: parts[i + 1], style: parts[i + 2], key: parts[i + 3], transpose: 0,
                    music: parts[i + 5], compStyle: "", bpm: 0, repeats: 0))
                i += 6
            }
            if i < parts.count, songs.count > 1 {
                let name = parts[i...].filter { !$0.isEmpty }.joined(separator: "=")
                playlist = name.isEmpty ? nil : name
            }
        }
        guard !songs.isEmpty else { throw IRealError("no song in the link") }
        return (playlist, songs)
    }

    /// `%XX` escapes as UTF-8.
    static func percentDecoded(_ text: String) throws(IRealError) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let b = utf8.first {
            utf8 = utf8.dropFirst()
            if b == UInt8(ascii: "%") {
                guard utf8.count >= 2, let hi = hex(utf8[utf8.startIndex]), let lo = hex(utf8[utf8.startIndex + 1]) else {
                    throw IRealError("a broken %-escape in the link")
                }
                bytes.append(hi << 4 | lo)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 8 {
                let name = after[after.index(after: amp)..<semi]
                var decoded: String?
                switch name {
                case "amp": decoded = "&"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                default:
                    if name.hasPrefix("#x"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
                        decoded = String(Character(s))
                    } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) {
                        decoded = String(Character(s))
                    }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after.dropFirst()
        }
        return out + rest
    }
}
