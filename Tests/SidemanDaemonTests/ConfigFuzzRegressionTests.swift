import TOMLKit
import Testing

@testable import SidemanDaemon

/// Configuration files the `config` fuzz target (Fuzz/README.md) stopped on, kept as tests:
/// each is one clear error line, never an abort of the process that reads it.
@Suite struct ConfigFuzzRegressionTests {
    func error(_ text: String) -> String? {
        do {
            _ = try SidemanConfig.parse(text, file: "fuzz.toml")
            return nil
        } catch {
            return error.description
        }
    }

    /// A control character in a table header tripped an assertion in the TOML library (on in
    /// release builds too): `sideman config check` and a reload aborted.
    @Test func aControlCharacterInATableHeaderIsAnErrorNotAnAbort() {
        #expect(error("[\u{17}audio]\n") == "fuzz.toml:1: control character U+0017 is not allowed in TOML")
        #expect(error("[audio]\ndevice = \"hw:0\"\n[\u{17}\u{17}synth]\n") == "fuzz.toml:3: control character U+0017 is not allowed in TOML")
    }

    @Test func controlCharactersAnywhereAreRefusedWithTheirLine() {
        #expect(error("# note \u{7F}\n") == "fuzz.toml:1: control character U+007F is not allowed in TOML")
        #expect(error("[style]\nname = \"a\u{0}b\"\n") == "fuzz.toml:2: control character U+0000 is not allowed in TOML")
        #expect(error("[style]\rname = \"x\"\n") == "fuzz.toml:1: a carriage return (CR) not followed by a newline")
    }

    /// A header that does not start with a key character tripped the same assertion.
    @Test func aTableHeaderWithoutAKeyIsAnErrorNotAnAbort() {
        #expect(error("[/usr]\n") == "fuzz.toml:1: a table name cannot start with '/'")
        #expect(error("[audio]\n[\n") == "fuzz.toml:2: a table header without a name")
        #expect(error("[ \"synth\" ]\ngain = 1.0\n[[x]]\n") == "fuzz.toml:3: x: unknown key")
        // More brackets than an array of tables has: the fuzzer's next abort.
        #expect(error("[audio]\nperiods = 3\n[[[[[[[[audio]]]]]]]]\n") == "fuzz.toml:3: a table name cannot start with '['")
    }

    /// The TOML library skips a byte-order mark at the start, so `\u{FEFF}[[[` reached the
    /// same assertion past the header check.
    @Test func aHeaderAfterAByteOrderMarkIsCheckedToo() {
        #expect(error("\u{FEFF}[[[") == "fuzz.toml:1: a table name cannot start with '['")
        #expect(error("\u{FEFF} [/x]\n") == "fuzz.toml:1: a table name cannot start with '/'")
        #expect(error("\u{FEFF}[style]\nname = \"bossa-nova\"\n") == nil)
    }

    /// The header check read Swift Characters: a `[` with a combining mark after it is one
    /// Character, and a CR LF line end another, so neither header was looked at.
    @Test func headersAreCheckedByCodePointAndAcrossWindowsLineEnds() {
        #expect(error("[\u{6E0}fold]\n") == "fuzz.toml:1: a table name cannot start with U+06E0")
        #expect(error("[style]\r\nname = \"a\"\r\n[/x]\r\n") == "fuzz.toml:3: a table name cannot start with '/'")
        #expect(error("[#]\n") == "fuzz.toml:1: a table header without a name")
    }

    /// A key's line is found in a file with Windows line ends too.
    @Test func aKeyErrorNamesItsLineInAWindowsFile() {
        #expect(error("[style]\r\n\r\ntempo = \"fast\"\r\n") == "fuzz.toml:3: style.tempo: must be a number, not a string")
    }

    /// An array item starting with `}` or a line separator tripped the library's assertion
    /// that a value never starts with a terminator.
    @Test func anArrayItemThatCannotStartAValueIsAnErrorNotAnAbort() {
        #expect(error("[control.map]\nstart = [}\nstop = []\n") == "fuzz.toml:2: an array item cannot start with '}'")
        #expect(error("[inputs]\nconnect = [\"a\", # a comment ]\n  }]\n") == "fuzz.toml:3: an array item cannot start with '}'")
        #expect(error("[inputs]\nconnect = [\u{2028}\"a\"]\n") == "fuzz.toml:2: an array item cannot start with U+2028")
        #expect(error("x = { a = [ [ 1 ], [\u{85}] ] }\n") == "fuzz.toml:1: an array item cannot start with U+0085")
    }

    /// A date, a space and one digit: the library reads on as the hours of a date and time,
    /// and asserts what follows is no value's end.
    @Test func aDateWithALoneDigitAfterItIsAnErrorNotAnAbort() {
        #expect(error("x = 2024-01-01 1\n") == "fuzz.toml:1: cannot read '2024-01-01 1' as a value (a date and time has two-digit hours)")
        #expect(error("[style]\ntempo = [2024-01-01 7]\n") == "fuzz.toml:2: cannot read '2024-01-01 7' as a value (a date and time has two-digit hours)")
        #expect(error("la= 9609-11--\u{E9} 0\n") == "fuzz.toml:1: cannot read '9609-11--\u{E9} 0' as a value (a date and time has two-digit hours)")
        #expect(error("la= 960=-11--\u{E9} 0\n") == "fuzz.toml:1: cannot read '960=-11--\u{E9} 0' as a value (a date and time has two-digit hours)")
        #expect(error("x = { a = 2024-01-01 1 }\n") == "fuzz.toml:1: cannot read '2024-01-01 1' as a value (a date and time has two-digit hours)")
        #expect(error("[style]\r\ntempo = 1999-12-31 2\r\n") == "fuzz.toml:2: cannot read '1999-12-31 2' as a value (a date and time has two-digit hours)")
    }

    /// Brackets, braces and separators inside strings and comments are no array items, and a
    /// table header is no array: valid files pass the check untouched.
    @Test func theArrayCheckPassesValidTOML() {
        let valid = [
            #"[inputs]"# + "\n" + #"connect = ["a}", '[}', """"# + "\n" + #"[}""""", '''x"# + "\n" + #"]'''] # [}"# + "\n",
            "[control.map]\nstart = [\n  \"note 60\", # first\n  \"cc 64\",\n]\n[\"quoted [ header\"]\n",
            #"[[table]]"# + "\n" + #"x = [ { a = [1, 2] }, { b = "\"}" } ]"# + "\n",
            "s = \"\u{2028} in a string\" # \u{2029} in a comment\n",
            "d = 2024-01-01 12:00:00\nt = [ 1 , 2 ]\nu = { a = 1 }\nv = [1, 2 ] # 3 4\nw = \"2024-01-01 1\"\nx =1\ny = 1\n2 = 3\n[a. 1]\nb. 2 = 3\n",
        ]
        for text in valid {
            #expect((try? TOMLTable(string: text)) != nil, "not valid TOML: \(text)")
            #expect(TOMLAbortScanner.firstFinding(in: text) == nil, "\(text)")
        }
    }

    @Test func tabsAndWindowsLineEndsAreFine() {
        #expect(error("[style]\r\n\tname = \"bossa-nova\"\t# tab\r\n") == nil)
    }
}
