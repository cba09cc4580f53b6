import MusicCore
import Testing

@testable import ChordRecognition

@Suite struct OnBassTests {
    @Test func slashChords() {
        #expect(read("E3 G3 C4", .fingeredOnBass) == chord(.c, .major, bass: .e))
        #expect(read("G3 C4 E4", .fingeredOnBass) == chord(.c, .major, bass: .g))
        #expect(read("C3 E3 G3", .fingeredOnBass) == chord(.c, .major))
        #expect(read("G2 F3 A3 C4", .fingeredOnBass) == chord(.f, .major, bass: .g))
        #expect(read("C3 D3 F#3 A3", .fingeredOnBass) == chord(.d, .dominant7, bass: .c))
        #expect(read("C3 D3 F#3 A3", .fingered) == chord(.d, .dominant7))
        #expect(read("G2 A3 C4 E4", .fingeredOnBass) == chord(.a, .minor, bass: .g))
        #expect(read("Bb2 C4 E4 G4", .fingeredOnBass) == chord(.c, .dominant7, bass: .bFlat))
        #expect(read("A3 C4 E4 G4", .fingeredOnBass) == chord(.a, .minor7))
        #expect(read("C4 E4 G4 A4", .fingeredOnBass) == chord(.c, .sixth))
    }

    /// Whatever chord it reads, the bass is the lowest key.
    @Test func theBassIsAlwaysTheLowestKey() {
        let recognizer = ChordRecognizer(mode: .fingeredOnBass)
        var slash = 0
        for v in Voicings.all(includingRootPositionOnlyInversions: true) {
            guard let c = recognizer.recognize(notes: v.notes).chord else { continue }
            #expect(c.bass == PitchClass(note: v.notes.min()!), "\(v) -> \(c)")
            if c.isSlash { slash += 1 }
            // Root and type match Fingered whenever the bass is a chord tone of the Fingered reading.
            if v.bassInterval == 0 { #expect(c == v.chord, "\(v) -> \(c)") }
        }
        #expect(slash > 1000)
    }
}
