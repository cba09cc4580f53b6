import Foundation
import Testing
@testable import MusicCore

@Suite struct ChordSymbolTests {
    static let allChords: [Chord] = PitchClass.allCases.flatMap { root in
        ChordType.allCases.flatMap { type in
            [Chord(root: root, type: type)] + PitchClass.allCases.filter { $0 != root }.map { Chord(root: root, type: type, bass: $0) }
        }
    }

    @Test func everyPrintedChordReadsBack() throws {
        #expect(Self.allChords.count == 12 * 34 * 12)
        for chord in Self.allChords {
            let symbol = ChordSymbol(chord)
            #expect(symbol.text == chord.symbol)
            let parsed = try ChordSymbol.parse(symbol.text)
            #expect(parsed.chord == chord, "\(symbol.text)")
            #expect(parsed.isApproximation == false, "\(symbol.text)")
        }
    }

    @Test func sharpAndFlatSpellingsReadTheSame() throws {
        for chord in Self.allChords where !chord.isSlash || chord.bass.rawValue % 3 == 0 {
            for flats in [false, true] {
                var text = chord.root.name(preferringFlats: flats) + chord.type.symbolSuffix
                if chord.isSlash { text += "/" + chord.bass.name(preferringFlats: flats) }
                #expect(try ChordSymbol.parse(text).chord == chord, "\(text)")
            }
        }
    }

    /// What musicians write, and the type each must play (see docs/chord-symbols.md).
    static let spellings: [(String, ChordType)] = [
        ("C", .major), ("CMaj", .major), ("Cmaj", .major), ("CM", .major),
        ("Cm", .minor), ("C-", .minor), ("Cmin", .minor), ("Cmi", .minor),
        ("C7", .dominant7), ("Cmaj7", .major7), ("CM7", .major7), ("CΔ7", .major7), ("CΔ", .major7),
        ("C∆", .major7), ("C^7", .major7), ("CMaj7", .major7),
        ("C6", .sixth), ("CM6", .sixth), ("C6/9", .sixNine), ("C69", .sixNine), ("C6(9)", .sixNine), ("C6add9", .sixNine),
        ("Cadd9", .add9), ("C(add9)", .add9), ("C(9)", .add9), ("Cadd2", .add9),
        ("C9", .nine), ("C7(9)", .nine), ("C11", .sevenSus4), ("C13", .thirteen), ("C7(13)", .thirteen),
        ("C7b9", .sevenFlat9), ("C7(b9)", .sevenFlat9), ("C7-9", .sevenFlat9), ("C7♭9", .sevenFlat9),
        ("C7#9", .sevenSharp9), ("C7(#9)", .sevenSharp9), ("C7+9", .sevenSharp9),
        ("C7#11", .sevenSharp11), ("C7(#11)", .sevenSharp11), ("C7b13", .sevenFlat13), ("C7(b13)", .sevenFlat13),
        ("C7alt", .sevenSharp5), ("C7#5", .sevenSharp5), ("C7+5", .sevenSharp5), ("C+7", .sevenSharp5),
        ("Caug7", .sevenSharp5), ("C7aug", .sevenSharp5), ("C7#5#9", .sevenSharp5), ("C7#9#5", .sevenSharp5),
        ("C7(#5,#9)", .sevenSharp5), ("C7#5b9", .sevenSharp5), ("C7b5", .sevenFlat5), ("C7(b5)", .sevenFlat5),
        ("C7b5#9", .sevenFlat5),
        ("C9sus", .sevenSus4), ("C9sus4", .sevenSus4), ("C7sus4", .sevenSus4), ("C7sus", .sevenSus4), ("C13sus4", .sevenSus4),
        ("Csus", .sus4), ("Csus4", .sus4), ("Csus2", .sus2), ("C1+2+5", .sus2),
        ("C5", .onePlusFive), ("C1+5", .onePlusFive), ("C1+8", .onePlusEight), ("C(1+8)", .onePlusEight),
        ("Cm6", .minor6), ("C-6", .minor6), ("Cm69", .minor6), ("Cm6/9", .minor6),
        ("Cm7", .minor7), ("C-7", .minor7), ("Cmin7", .minor7), ("Cmi7", .minor7),
        ("Cm9", .minor9), ("Cm7(9)", .minor9), ("Cm11", .minor11), ("Cm7(11)", .minor11), ("Cm7add11", .minor11),
        ("Cm13", .minor11),
        ("Cm7b5", .minor7Flat5), ("Cm7(b5)", .minor7Flat5), ("C-7b5", .minor7Flat5), ("Cmi7b5", .minor7Flat5),
        ("Cø", .minor7Flat5), ("Cø7", .minor7Flat5), ("CØ", .minor7Flat5), ("Cø9", .minor7Flat5),
        ("Co", .diminished), ("Cdim", .diminished), ("C°", .diminished), ("Cm(b5)", .diminished),
        ("C°7", .diminished7), ("Co7", .diminished7), ("Cdim7", .diminished7), ("Cº7", .diminished7),
        ("C+", .augmented), ("Caug", .augmented), ("C(#5)", .augmented),
        ("CmM7", .minorMajor7), ("Cm(maj7)", .minorMajor7), ("CmMaj7", .minorMajor7), ("C-Δ7", .minorMajor7),
        ("CmΔ", .minorMajor7), ("Cm(M7)", .minorMajor7),
        ("CmM9", .minorMajor9), ("CmM7(9)", .minorMajor9), ("Cm(maj9)", .minorMajor9),
        ("Cmaj9", .major9), ("CM9", .major9), ("CM7(9)", .major9), ("CΔ9", .major9), ("Cmaj13", .major9),
        ("Cmaj7#11", .major7Sharp11), ("CM7#11", .major7Sharp11), ("CΔ7(#11)", .major7Sharp11), ("Cmaj9#11", .major7Sharp11),
        ("CM7#5", .major7Sharp5), ("Cmaj7#5", .major7Sharp5), ("CM7aug", .major7Sharp5), ("C+M7", .major7Sharp5),
        ("C13b9", .sevenFlat9), ("C13(b9)", .sevenFlat9), ("C13#11", .sevenSharp11), ("C9#11", .sevenSharp11),
        ("C13#9", .sevenSharp9), ("C7b9b13", .sevenFlat9), ("C7#9b13", .sevenSharp9), ("C7b9#11", .sevenFlat9),
        ("Cm(9)", .minorAdd9), ("Cmadd9", .minorAdd9), ("Cm(add9)", .minorAdd9), ("Cadd11", .major),
    ]

    @Test func everyCommonSpellingMapsAsDocumented() throws {
        for (text, type) in Self.spellings {
            let symbol = try ChordSymbol.parse(text)
            #expect(symbol.chord == Chord(root: .c, type: type), "\(text) → \(symbol.chord.map(\.type.yamahaName) ?? "NC")")
            #expect(symbol.text == text)
        }
    }

    @Test func approximationsAreFlagged() throws {
        #expect(try ChordSymbol.parse("C13b9").isApproximation)
        #expect(try ChordSymbol.parse("C7alt").isApproximation)
        #expect(try ChordSymbol.parse("C7-9").isApproximation == false)
        #expect(try ChordSymbol.parse("C7#5#9").quality == "7#5#9")
        #expect(try ChordSymbol.parse("C-7(b5)").quality == "m7b5")
        #expect(try ChordSymbol.parse("C7+9+5").quality == "7#5#9")
    }

    @Test func rootsAndSlashBasses() throws {
        let cases: [(String, Chord)] = [
            ("Bb", Chord(root: .bFlat, type: .major)), ("F#", Chord(root: .fSharp, type: .major)),
            ("Gb", Chord(root: .fSharp, type: .major)), ("D♭maj7", Chord(root: .cSharp, type: .major7)),
            ("C/E", Chord(root: .c, type: .major, bass: .e)), ("Cm7/Bb", Chord(root: .c, type: .minor7, bass: .bFlat)),
            ("C6/9/E", Chord(root: .c, type: .sixNine, bass: .e)), ("F/G", Chord(root: .f, type: .major, bass: .g)),
            ("Ebm7b5/A", Chord(root: .eFlat, type: .minor7Flat5, bass: .a)), ("C/C", Chord(root: .c, type: .major)),
            ("  G7  ", Chord(root: .g, type: .dominant7)), ("Cb", Chord(root: .b, type: .major)),
        ]
        for (text, chord) in cases {
            #expect(try ChordSymbol.parse(text).chord == chord, "\(text)")
        }
        #expect(try ChordSymbol.parse("  G7  ").text == "G7")
    }

    @Test func noChord() throws {
        for text in ["NC", "N.C.", "N.C", "nc", "n.c.", "NC.", "N/C"] {
            let symbol = try ChordSymbol.parse(text)
            #expect(symbol.isNoChord, "\(text)")
            #expect(symbol.text == text)
        }
        #expect(ChordSymbol(nil).text == "NC")
    }

    @Test func unknownSymbolsNameTheSymbolAndWhy() {
        let cases: [(String, String)] = [
            ("", "empty"), ("H7", "note name"), ("Cxyz", "\"xyz\""), ("C7b9#9#11", "7b9#9#11"),
            ("C7b11", "b11"), ("C8", "number 8"), ("Csus3", "sus3"), ("C/X", "\"X\""), ("C7b", "\"b\""),
            ("C/Hb", "\"Hb\""),
        ]
        for (text, fragment) in cases {
            do {
                let symbol = try ChordSymbol.parse(text)
                Issue.record("\(text) read as \(symbol.chord?.symbol ?? "NC")")
            } catch {
                #expect(error.symbol == text.trimmingCharacters(in: .whitespaces))
                #expect(error.description.hasPrefix("unknown chord symbol \"\(text)\": "))
                #expect(error.description.contains(fragment), "\(error)")
            }
        }
    }

    @Test func tableHasOneRowPerQualityAndCoversEveryType() {
        let qualities = ChordSymbol.mappings.map(\.quality)
        #expect(Set(qualities).count == qualities.count)
        let exactTypes = ChordSymbol.mappings.filter(\.isExact).map(\.type)
        #expect(Set(exactTypes) == Set(ChordType.allCases))
        #expect(exactTypes.count == ChordType.allCases.count)
        // Every normalized quality parses to its own row.
        for mapping in ChordSymbol.mappings {
            let text = "C" + (mapping.quality == "1+8" ? "(1+8)" : mapping.quality)
            let symbol = try? ChordSymbol.parse(text)
            #expect(symbol?.quality == mapping.quality, "\(text)")
            #expect(symbol?.chord?.type == mapping.type, "\(text)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestData.projectRoot.appendingPathComponent("docs/chord-symbols.md").path), "skipped: docs/chord-symbols.md not found"))
    func docsListEveryRow() throws {
        let docs = try TestData.text(TestData.projectRoot.appendingPathComponent("docs/chord-symbols.md"))
        for mapping in ChordSymbol.mappings {
            let cell = mapping.quality.isEmpty ? "| (none: `C`) |" : "| `\(mapping.quality)` |"
            let row = docs.split(separator: "\n").first { $0.hasPrefix(cell) }
            #expect(row != nil, "missing row for \(mapping.quality)")
            #expect(row?.contains("| \(mapping.type.yamahaName) (\(mapping.type.rawValue)) |") == true, "\(mapping.quality)")
            if !mapping.isExact { #expect(row?.contains(mapping.reason) == true, "\(mapping.quality)") }
        }
    }
}
