import Foundation

/// A take's name: the date and time it started and what the band played, e.g.
/// `2026-12-06 183012 medium-swing`; the files are that name plus `.mid` and `.flac`/`.wav`.
/// A name already used in the folder gets a number (`… medium-swing 2`): a take is never
/// overwritten.
public enum TakeName {
    /// Marks a take that was cut short (disk full, writer too slow); the files keep it.
    public static let incompleteMark = " (incomplete)"

    /// The name for a take starting at `date` (local time) playing `label` (a style or song).
    public static func make(date: Date, label: String, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(
            format: "%04d-%02d-%02d %02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        let slug = Self.slug(label)
        return slug.isEmpty ? stamp : "\(stamp) \(slug)"
    }

    /// Lower case letters, digits and single dashes: safe in any file system and shell.
    public static func slug(_ label: String) -> String {
        var out = ""
        var dash = false
        for ch in label.lowercased() {
            if ch.isASCII, ch.isLetter || ch.isNumber {
                if dash, !out.isEmpty { out.append("-") }
                out.append(ch)
                dash = false
            } else {
                dash = true
            }
        }
        return String(out.prefix(60))
    }

    /// `name`, or `name 2`, `name 3` … : the first whose files do not exist in `folder`.
    public static func unused(_ name: String, in folder: String, extensions: [String]) -> String {
        var candidate = name
        var n = 2
        while extensions.contains(where: { FileManager.default.fileExists(atPath: folder + "/" + candidate + "." + $0) })
            || FileManager.default.fileExists(atPath: folder + "/" + candidate + incompleteMark + ".mid")
        {
            candidate = "\(name) \(n)"
            n += 1
        }
        return candidate
    }
}
