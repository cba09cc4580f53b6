import Foundation
import Testing

/// `sideman play --help` and `sideman render --help` as a user reads them, kept in
/// Practice/Help/: the practice options both commands share must read the same on purpose.
/// `SIDEMAN_RECORD_GOLDEN=1` rewrites the files after a deliberate change.
@Suite struct PracticeHelpTests {
    static let folder = projectRoot + "/Tests/SidemanCommandsTests/Practice/Help"

    @Test(arguments: ["play", "render"])
    func helpIsUnchanged(command: String) throws {
        guard SidemanExecutable.path != nil else { print(SidemanExecutable.missing); return }
        // A fixed width: help wraps to the terminal, and a test has none.
        let help = try SidemanExecutable.run([command, "--help"], environment: ["COLUMNS": "100", "LINES": "40"])
        #expect(help.status == 0, "\(help.stderr)")
        let url = URL(fileURLWithPath: Self.folder + "/\(command)-help.txt")
        if ProcessInfo.processInfo.environment["SIDEMAN_RECORD_GOLDEN"] == "1" {
            try help.stdout.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing \(url.path): record it with SIDEMAN_RECORD_GOLDEN=1")
            return
        }
        let got = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
        #expect(help.stdout == expected, "sideman \(command) --help differs at line \(first + 1): \(first < got.count ? String(got[first]) : "(end)")")
    }
}
