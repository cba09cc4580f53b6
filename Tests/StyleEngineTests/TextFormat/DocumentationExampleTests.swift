import Foundation
import MusicCore
import Testing
@testable import StyleEngine

/// docs/style-format.md teaches the format; its examples must parse and it must name every keyword.
@Suite struct DocumentationExampleTests {
    static func doc() throws -> String {
        try String(contentsOf: StyleFixtures.root.appendingPathComponent("docs/style-format.md"), encoding: .utf8)
    }

    /// The fenced blocks of the document whose info string is `tag` ("" for plain blocks).
    static func blocks(_ text: String, tag: String) -> [String] {
        var result: [String] = []
        var open: (tag: Substring, lines: [Substring])? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let block = open {
                    if block.tag == tag { result.append(block.lines.joined(separator: "\n")) }
                    open = nil
                } else {
                    open = (line.dropFirst(3), [])
                }
            } else if open != nil {
                open!.lines.append(line)
            }
        }
        return result
    }

    @Test func workedExampleParses() throws {
        let examples = Self.blocks(try Self.doc(), tag: "style")
        #expect(examples.count == 1)
        let text = try #require(examples.first)
        let style = try StyleTextFormat.parse(text, fileName: "docs/style-format.md")
        #expect(style.name == "first-steps")
        #expect(style.title == "First Steps")
        #expect(style.tempo == Tempo(bpm: 76))
        #expect(style.feel == .swing(0.55, subdivision: 16))
        #expect(style.sectionIDs == [.intro(1), .main(.a), .fill(.a)])
        let main = try #require(style.sections[.main(.a)])
        #expect(main.length == 2 * 7680)
        #expect(main.parts[.phrase1]?.count == 2)
        // The sixteenth-note hi-hat repeats: 8 hits a bar for 2 bars.
        #expect(main.parts[.rhythm1]?.first?.notes.filter { $0.note == 42 }.count == 16)
        let bass = try #require(main.parts[.bass]?.first)
        #expect(bass.notes.map(\.tick) == [0, 2880, 3840, 7680, 10560, 11520, 13440])
        #expect(style.sections[.fill(.a)]?.parts[.bass]?.first?.notes.map(\.duration) == [1920, 1920, 1920, 1920])
        #expect(style.parts[.phrase1]?.program == 73)
    }

    @Test func snippetsParse() throws {
        let snippets = Self.blocks(try Self.doc(), tag: "")
        #expect(snippets.count == 2)
        for snippet in snippets {
            let body = snippet.contains(":") ? snippet : "rhythm1:\n" + snippet
            let style = try StyleTextFormat.parse("section Main A\nbars 2\n" + body, fileName: "snippet")
            #expect(style.sections[.main(.a)]?.parts.isEmpty == false)
        }
    }

    @Test func everyKeywordAndNameIsDocumented() throws {
        let doc = try Self.doc()
        let words = StyleTextParser.headerKeywords + StyleTextParser.partKeywords + StyleTextParser.tableNames
            + StyleTextParser.retriggerNames + GeneralMIDI.drums.map(\.name) + GeneralMIDI.kits.map(\.name)
            + ["bars", "when", "straight", "swing", "shuffle", "transpose", "fixed", "high"]
        for word in words {
            let found = Self.containsWord(doc, word)
            #expect(found, "\(word) is not in docs/style-format.md")
        }
    }

    /// Whether `word` occurs with no letter, digit or dash right before or after it.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        func isWordChar(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false }
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: word, range: search) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !isWordChar(before) && !isWordChar(after) { return true }
            search = r.upperBound..<text.endIndex
        }
        return false
    }
}
