import MusicCore
import Testing

@testable import ChordRecognition

@Suite struct FullKeyboardTests {
    @Test(arguments: [FingeringMode.fullKeyboard, .aiFullKeyboard])
    func melodyOnTopIsSetAside(mode: FingeringMode) {
        // A left-hand triad with a tune on top: every melody note leaves the chord alone.
        for melody in ["C5", "D5", "F5", "A5", "B5", "C#6"] {
            #expect(read("C3 E3 G3 \(melody)", mode) == chord(.c, .major), "\(melody)")
            #expect(read("C3 G3 E4 \(melody)", mode) == chord(.c, .major), "\(melody)")
        }
        // A chord voiced across both hands is one chord.
        #expect(read("C3 G3 E4 B4", mode) == chord(.c, .major7))
        #expect(read("F2 C3 A3 Eb4 G4", mode) == chord(.f, .nine))
        // Right hand chord with melody on top, left hand bass.
        #expect(read("D2 F3 A3 C4 E5", mode) == chord(.d, .minor7))
        // A non-chord tone inside the texture is dropped from the top down.
        #expect(read("C3 E3 G3 F4", mode) == chord(.c, .major))
        // A melody alone is not a chord.
        #expect(read("E5", mode) == .unrecognised)
        #expect(read("C3 E3 G3", mode) == chord(.c, .major))
        #expect(read("C4 C#4 D4", mode) == .cancel)
    }

    @Test func aiFullKeyboardReadsThinHarmonyAgainstThePreviousChord() {
        let c7 = Chord(root: .c, type: .dominant7)
        #expect(read("E3 Bb3 D5", .aiFullKeyboard, previous: c7) == .chord(c7))
        #expect(read("E3 Bb3 D5", .fullKeyboard, previous: c7) == .unrecognised)
        #expect(read("F3 C4", .aiFullKeyboard, previous: c7) == chord(.f, .onePlusFive))
        #expect(read("F3 C4", .fullKeyboard, previous: c7) == .unrecognised)
    }
}
