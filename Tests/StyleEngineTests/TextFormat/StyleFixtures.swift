import Foundation
import MusicCore
@testable import StyleEngine

/// Where the repository's files are, computed from this file's path.
enum StyleFixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var stylesDirectory: URL { root.appendingPathComponent("styles") }

    static func shippedStyleFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: stylesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == StyleTextFormat.fileExtension }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// A minimal header, for tests that only care about one section's pattern.
    static func wrap(_ body: String, meter: String = "4/4") -> String {
        "name t\nmeter \(meter)\n" + body
    }

    /// Parses `body` and returns the notes of the first track of `part` in Main A.
    static func notes(_ body: String, part: PartID, meter: String = "4/4") throws -> [PatternNote] {
        let style = try StyleTextFormat.parse(wrap(body, meter: meter), fileName: "test.style")
        return style.sections[.main(.a)]?.parts[part]?.first?.notes ?? []
    }

    /// The error a malformed text raises (nil if it parses).
    static func error(_ text: String) -> StyleParseError? {
        do {
            _ = try StyleTextFormat.parse(text, fileName: "bad.style")
            return nil
        } catch {
            return error
        }
    }
}
