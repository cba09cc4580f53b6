import Testing
@testable import MusicCore

@Suite struct ChordTests {
    @Test func symbolsSpellRootTypeAndBass() {
        #expect(Chord(root: .c, type: .dominant7).symbol == "C7")
        #expect(Chord(root: .bFlat, type: .minor7Flat5).symbol == "Bbm7b5")
        #expect(Chord(root: .fSharp, type: .major7).symbol == "F#maj7")
        #expect(Chord(root: .c, type: .major, bass: .e).symbol == "C/E")
        #expect(Chord(root: .c, type: .major, bass: .c).symbol == "C")
        #expect(Chord(root: .d, type: .sixNine, bass: .a).symbol == "D6/9/A")
        #expect(Chord(root: .g, type: .onePlusFive).description == "G5")
    }

    @Test func everySymbolIsDistinct() {
        var seen: [String: Chord] = [:]
        for root in PitchClass.allCases {
            for type in ChordType.allCases {
                for bass in PitchClass.allCases {
                    let chord = Chord(root: root, type: type, bass: bass)
                    #expect(seen[chord.symbol] == nil, "\(chord.symbol)")
                    seen[chord.symbol] = chord
                }
            }
        }
        #expect(seen.count == 12 * 34 * 12)
    }

    @Test func pitchClassesIncludeTheBassAndTranspose() {
        let c7 = Chord(root: .c, type: .dominant7)
        #expect(c7.pitchClasses == [.c, .e, .g, .bFlat])
        #expect(Chord(root: .c, type: .major, bass: .d).pitchClasses == [.c, .d, .e, .g])
        for semitones in -13...13 {
            let t = Chord(root: .a, type: .minor7, bass: .g).transposed(by: semitones)
            #expect(t.bass.interval(from: t.root) == 10)
            #expect(t.pitchClasses == Set(Chord(root: .a, type: .minor7, bass: .g).pitchClasses.map { $0.transposed(by: semitones) }))
        }
    }
}
