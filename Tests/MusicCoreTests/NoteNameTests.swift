import Testing
@testable import MusicCore

@Suite struct NoteNameTests {
    @Test func everyNoteNameReadsBack() {
        for n in 0...127 {
            let note = UInt7(n)!
            for flats in [nil, true, false] as [Bool?] {
                let name = NoteName.name(of: note, preferringFlats: flats)
                #expect(NoteName.parse(name) == note, "\(name)")
            }
        }
        #expect(NoteName.name(of: 60) == "C4" && NoteName.name(of: 0) == "C-1" && NoteName.name(of: 127) == "G9")
        #expect(NoteName.name(of: 63) == "Eb4" && NoteName.name(of: 63, preferringFlats: false) == "D#4")
    }

    @Test func accidentalsCrossOctaveBoundaries() {
        #expect(NoteName.parse("Cb4") == 59)
        #expect(NoteName.parse("B#3") == 60)
        #expect(NoteName.parse("Fb4") == 64)
        #expect(NoteName.parse("Bb-1") == 10)
        #expect(NoteName.parse("c#5") == 73)
        #expect(NoteName.parse(" 60 ") == 60)
    }

    @Test func rejectsWhatIsNotANote() {
        for text in ["", "C", "H4", "C10", "G#9", "Cb-1", "128", "-1", "C4.5", "4C", "C 4"] {
            #expect(NoteName.parse(text) == nil, "\(text)")
        }
    }
}
