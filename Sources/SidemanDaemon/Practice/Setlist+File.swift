import Foundation
import Practice

extension Setlist {
    /// Longest setlist file read: a setlist is a few lines; anything larger is not one.
    public static let maxFileBytes = 256 * 1024

    /// Reads and parses the setlist file at `path`. Every error is one line naming `source`
    /// (the path by default; the web remote gives the file's name, never its path).
    public static func load(path: String, source: String? = nil) throws(PracticeError) -> Setlist {
        let source = source ?? path
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        guard let size else {
            throw PracticeError("\(source): " + (FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"))
        }
        guard size <= maxFileBytes else { throw PracticeError("\(source): \(size) bytes, more than a setlist's \(maxFileBytes)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw PracticeError("\(source): cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw PracticeError("\(source): not UTF-8 text") }
        return try parse(text, source: source)
    }
}
