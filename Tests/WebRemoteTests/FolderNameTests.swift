import Testing
import WebRemote

/// The name check every file name of a web request passes before the disk is touched.
@Suite struct FolderNameTests {
    static func check(_ raw: String) -> Result<String, FolderNameError> {
        do throws(FolderNameError) {
            return .success(try FolderName(raw, what: "setlist", hint: "give a setlist's name").text)
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [
        "tuesday", "Tuesday lesson.txt", "2026-12-06 183012 medium-swing", "blues-major", "Só danço samba", "a..b", "loop 3.chart",
        String(repeating: "x", count: FolderName.maxBytes),
    ])
    func namesAreAccepted(_ name: String) {
        #expect(Self.check(name) == .success(name))
    }

    @Test(arguments: [
        ("", "is empty"),
        ("/etc/passwd", "is a path"),
        ("/", "is a path"),
        ("../../etc/passwd", "holds a slash"),
        ("charts/../../x", "holds a slash"),
        ("a\\b", "holds a slash"),
        ("..", "is a folder"),
        (".", "is a folder"),
        (".hidden", "starts with a dot"),
        ("..secret", "starts with a dot"),
        ("tues\u{0}day", "holds a NUL byte"),
        ("\u{0}", "holds a NUL byte"),
        ("tab\there", "control character"),
        ("bell\u{7}", "control character"),
        ("del\u{7F}", "control character"),
        ("line\nbreak", "control character"),
        (String(repeating: "x", count: FolderName.maxBytes + 1), "bytes long, at most 200"),
        // Over the limit in bytes, not characters: 101 two-byte letters.
        (String(repeating: "é", count: 101), "202 bytes long"),
    ])
    func badNamesAreRefusedWithTheReason(_ name: String, _ reason: String) throws {
        guard case .failure(let error) = Self.check(name) else {
            Issue.record("\(name.debugDescription) was accepted")
            return
        }
        #expect(error.status == .badRequest)
        #expect(error.description.hasPrefix("setlist name "), "\(error)")
        #expect(error.description.contains(reason), "\(error)")
        #expect(error.description.hasSuffix(": give a setlist's name"), "\(error)")
        // The message is one line a person can read: no NUL, no line break.
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "\(error.description.debugDescription)")
    }

    @Test func anOverLongNameIsNotRepeatedBack() {
        guard case .failure(let error) = Self.check(String(repeating: "y", count: 5000)) else {
            Issue.record("accepted")
            return
        }
        #expect(error.description.count < 120)
    }
}
