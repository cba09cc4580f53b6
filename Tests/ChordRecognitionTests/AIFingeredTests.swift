import MusicCore
import Testing

@testable import ChordRecognition

@Suite struct AIFingeredTests {
    @Test func twoNotesKeepThePreviousChord() {
        let c7 = Chord(root: .c, type: .dominant7)
        #expect(read("E3 Bb3", .aiFingered, previous: c7) == .chord(c7))
        #expect(read("Bb3 E4", .aiFingered, previous: c7) == .chord(c7))
        #expect(read("G3", .aiFingered, previous: c7) == .chord(c7))
        // The same shape in plain Fingered is no chord.
        #expect(read("E3 Bb3", .fingered, previous: c7) == .unrecognised)
        // Notes outside the previous chord read as in Fingered.
        #expect(read("F3 A3", .aiFingered, previous: c7) == .unrecognised)
        #expect(read("F3 C4", .aiFingered, previous: c7) == chord(.f, .onePlusFive))
        // Full chords are read as usual.
        #expect(read("F3 A3 C4", .aiFingered, previous: c7) == chord(.f, .major))
        // Without a previous chord, two notes read as in Fingered.
        #expect(read("E3 Bb3", .aiFingered) == .unrecognised)
    }

    /// For every previous chord and every one- or two-note subset of it, the chord stays.
    @Test func everySubsetOfEveryChordKeepsIt() {
        for root in PitchClass.allCases {
            for type in ChordType.allCases {
                let previous = Chord(root: root, type: type)
                let pcs = type.tones.map { root.transposed(by: $0).rawValue }
                for a in pcs {
                    for b in pcs {
                        let keys = [UInt7(clamping: 48 + a), UInt7(clamping: 60 + b)]
                        #expect(ChordRecognizer(mode: .aiFingered).recognize(notes: keys, previous: previous) == .chord(previous))
                    }
                }
            }
        }
    }
}
