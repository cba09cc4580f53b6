import Testing
@testable import StyleEngine

@Suite struct ParseErrorTests {
    struct Case: CustomStringConvertible, Sendable {
        var text: String
        var line: Int
        var problem: String
        var description: String { problem }
    }

    static let sectionHead = "name bad\nsection Main A\nbars 1\n"  // lines 1-3

    static let cases: [Case] = [
        Case(text: sectionHead + "rhythm1:\n  kik x . . .", line: 5, problem: "unknown drum 'kik' (expected one of kick, snare"),
        Case(text: sectionHead + "chrod1: C3/w", line: 4, problem: "unknown part 'chrod1'"),
        Case(text: "name bad\ntempi 120\n", line: 2, problem: "unknown keyword 'tempi'"),
        Case(text: "tempo 900\n", line: 1, problem: "tempo must be beats per minute from 20 to 400, not '900'"),
        Case(text: "meter 4-4\n", line: 1, problem: "meter must look like 4/4"),
        Case(text: "feel swing 0.9\n", line: 1, problem: "swing ratio must be from 0.5"),
        Case(text: "part bass\n  instrument Acoustic Base\n", line: 2, problem: "unknown instrument 'Acoustic Base'"),
        Case(text: sectionHead + "bass: C2/q H2 G2 A2", line: 4, problem: "unknown note 'H2' in bass in 'Main A'"),
        Case(text: sectionHead + "bass:\n C2/q E2\n G2/x A2", line: 6, problem: "unknown duration 'x' in 'G2/x'"),
        Case(text: sectionHead + "bass: C2/q E2 G2 A2 B2 | C2/w", line: 4, problem: "'|' falls 1 beat into bar 2 of bass in 'Main A'"),
        Case(text: sectionHead + "bass: C2/w | C2/w", line: 4, problem: "bass in 'Main A' lasts 2 bars; the section has 1 bar"),
        Case(text: "section Main A\nbass: C2/w", line: 1, problem: "section 'Main A' has no 'bars' line"),
        Case(text: sectionHead + "section Main A\nbars 1", line: 4, problem: "section 'Main A' is already written on line 2"),
        Case(text: sectionHead + "C2/w", line: 4, problem: "pattern line before any part"),
        Case(text: sectionHead + "rhythm1:\n  snare x . x . x . x", line: 5, problem: "snare has a bar of 7 steps"),
        Case(text: "part bass\n  source CMaj8\n", line: 2, problem: "unknown source chord 'CMaj8'"),
        Case(text: "part bass\n  limits E1 C2\n", line: 2, problem: "limits E1-C2 must span at least an octave"),
        Case(text: sectionHead + "chord1: [E3 G3 B3/q r/h.", line: 4, problem: "'[' without a closing ']'"),
        Case(text: "name bad\nsection Intro 1\nbars 1\n", line: 0, problem: "no Main section"),
        Case(text: "section Main E\n", line: 1, problem: "unknown section 'Main E'"),
        Case(text: "name bad\n\n# mixer\nvolume 100\n", line: 4, problem: "'volume' belongs in a part block"),
        Case(text: "part bass\n  table chrod\n", line: 2, problem: "unknown table 'chrod' (expected one of bypass, melody, chord, bass, melodic-minor"),
        Case(text: "part bass\n  retrigger sometimes\n", line: 2, problem: "unknown retrigger rule 'sometimes' (expected one of stop, pitch-shift, pitch-shift-to-root"),
        Case(text: sectionHead + "bass: C2/q@200 r/h.", line: 4, problem: "velocity '@200' in 'C2/q@200' must be from 1 to 127"),
        Case(text: sectionHead + "rhythm1:\n  kick x y x y", line: 5, problem: "unknown step 'y' for kick"),
        Case(text: sectionHead + "bass: C2/h. | C2/q", line: 4, problem: "'|' falls 3 beats into bar 1"),
    ]

    @Test(arguments: cases)
    func errorNamesFileLineAndProblem(_ c: Case) throws {
        let error = try #require(StyleFixtures.error(c.text), "expected an error: \(c.problem)")
        #expect(error.line == c.line, "\(error)")
        #expect(error.message.contains(c.problem), "\(error)")
        let prefix = c.line > 0 ? "bad.style:\(c.line): " : "bad.style: "
        #expect(error.description.hasPrefix(prefix), "\(error)")
        #expect(!error.description.contains("\n"))
    }
}
