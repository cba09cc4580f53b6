import Testing
@testable import MusicCore

@Suite struct PitchClassTests {
    @Test func wrapsEveryInteger() {
        for value in -50...50 {
            let pc = PitchClass(wrapping: value)
            #expect((0..<12).contains(pc.rawValue))
            #expect((pc.rawValue - value) % 12 == 0)
        }
        #expect(PitchClass(rawValue: 12) == nil && PitchClass(rawValue: -1) == nil)
        #expect(PitchClass(note: 61) == .cSharp && PitchClass(note: 0) == .c && PitchClass(note: 127) == .g)
    }

    @Test func transpositionAndIntervalsAreInverse() {
        for a in PitchClass.allCases {
            for b in PitchClass.allCases {
                let up = b.interval(from: a)
                #expect((0..<12).contains(up))
                #expect(a.transposed(by: up) == b)
                #expect(b.transposed(by: -up) == a)
            }
        }
    }

    @Test func namesReadBack() {
        for pc in PitchClass.allCases {
            #expect(PitchClass(name: pc.description) == pc)
            #expect(PitchClass(name: pc.name(preferringFlats: true)) == pc)
            #expect(PitchClass(name: pc.name(preferringFlats: false)) == pc)
        }
        #expect(PitchClass.allCases.map(\.description) == ["C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"])
    }

    @Test func readsEveryAccidentalSpelling() {
        let cases: [(String, PitchClass)] = [
            ("C", .c), ("c", .c), ("C#", .cSharp), ("C♯", .cSharp), ("Db", .cSharp), ("D♭", .cSharp),
            ("Cb", .b), ("B#", .c), ("E#", .f), ("Fb", .e), ("Ebb", .d), ("F##", .g), ("bb", .bFlat),
        ]
        for (text, pc) in cases { #expect(PitchClass(name: text) == pc, "\(text)") }
        for text in ["", "H", "C4", "X#", "#C", "Cm"] { #expect(PitchClass(name: text) == nil, "\(text)") }
        let prefix = PitchClass.parsePrefix("Bbm7b5")
        #expect(prefix?.0 == .bFlat && prefix?.1 == "m7b5")
    }
}
