import Foundation
import MusicCore
import StyleEngine
import Testing

/// Every style in styles/ — found, not listed, so a new style is checked the moment it
/// lands — toured over each progression and judged by every check (README.md here).
enum ShippedStyles {
    /// styles/ of the checkout, or `SIDEMAN_STYLES_DIR` to check a folder of your own.
    static var folder: URL {
        ProcessInfo.processInfo.environment["SIDEMAN_STYLES_DIR"].map { URL(fileURLWithPath: $0) }
            ?? projectRoot.appendingPathComponent("styles")
    }

    static func fileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".style") }.sorted()
    }

    static func load(_ file: String) throws -> Style {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        return try StyleTextFormat.parse(text, fileName: file)
    }
}

/// Runs every check over every tour of `style`; failures come back as text, one per line.
func judge(_ style: Style, file: String, checks: [StyleCheck] = StyleCheck.all,
           progressions: [TourProgression] = TourProgression.all) -> [CheckFailure] {
    var failures: [CheckFailure] = []
    for (i, progression) in progressions.enumerated() {
        let tour = StyleTour.play(style, file: file, over: progression)
        for check in checks where i == 0 || !check.oncePerStyle {
            failures += check.run(tour)
        }
    }
    return failures
}

@Test func stylesFolderHasStyles() {
    #expect(ShippedStyles.fileNames().count >= 4, "styles/ at \(ShippedStyles.folder.path) holds too few styles")
}

/// The library ships at least 30 styles, so that every genre a musician brings has a choice.
@Test func libraryShipsThirtyStyles() {
    guard ProcessInfo.processInfo.environment["SIDEMAN_STYLES_DIR"] == nil else { return }
    #expect(ShippedStyles.fileNames().count >= 30, "styles/ holds \(ShippedStyles.fileNames().count) styles; the library promises 30")
}

@Test("style checks", arguments: ShippedStyles.fileNames())
func styleChecks(file: String) throws {
    let style = try ShippedStyles.load(file)
    for failure in judge(style, file: file) {
        Issue.record(Comment(rawValue: failure.description))
    }
    if ProcessInfo.processInfo.environment["SIDEMAN_STYLE_REPORT"] == "1" { print(figures(style, file: file)) }
}

/// What the checks measured, one line per tour: how far a style is from failing.
func figures(_ style: Style, file: String) -> String {
    TourProgression.all.map { progression in
        let tour = StyleTour.play(style, file: file, over: progression)
        return tour.label + ": " + StyleCheck.all.compactMap { $0.figure?(tour) }.joined(separator: "; ")
    }.joined(separator: "\n")
}
