import MusicCore
import Testing

@testable import ChordRecognition

@Suite struct SingleFingerTests {
    /// The nearest black and white keys to the left of each root, as a player finds them.
    static let leftNeighbours: [(root: String, black: String, white: String)] = [
        ("C4", "Bb3", "B3"), ("C#4", "Bb3", "C4"), ("D4", "C#4", "C4"), ("Eb4", "C#4", "D4"),
        ("E4", "Eb4", "D4"), ("F4", "Eb4", "E4"), ("F#4", "Eb4", "F4"), ("G4", "F#4", "F4"),
        ("Ab4", "F#4", "G4"), ("A4", "Ab4", "G4"), ("Bb4", "Ab4", "A4"), ("B4", "Bb4", "A4"),
    ]

    @Test(arguments: [FingeringMode.singleFinger, .multiFinger])
    func shapes(mode: FingeringMode) {
        for n in Self.leftNeighbours {
            let root = PitchClass(note: NoteName.parse(n.root)!)
            #expect(read(n.root, mode) == chord(root, .major), "\(n.root)")
            #expect(read("\(n.black) \(n.root)", mode) == chord(root, .minor), "\(n.root)m")
            #expect(read("\(n.white) \(n.root)", mode) == chord(root, .dominant7), "\(n.root)7")
            #expect(read("\(n.black) \(n.white) \(n.root)", mode) == chord(root, .minor7), "\(n.root)m7")
        }
    }

    @Test func singleFingerDoesNotReadFullChords() {
        #expect(read("C4 E4 G4", .singleFinger) == .unrecognised)
        #expect(read("C4 E4 G4 Bb4", .singleFinger) == .unrecognised)
        // Three adjacent keys that are no Single Finger shape still cancel.
        #expect(read("B3 C4 C#4", .singleFinger) == .cancel)
    }

    @Test func multiFingerReadsBoth() {
        #expect(read("C4 E4 G4 Bb4", .multiFinger) == chord(.c, .dominant7))
        #expect(read("A3 C4 E4 G4", .multiFinger) == chord(.a, .minor7))
        #expect(read("Bb3 C4", .multiFinger) == chord(.c, .minor))
        #expect(read("C4 G4", .multiFinger) == chord(.c, .onePlusFive))
        #expect(read("C4", .multiFinger) == chord(.c, .major))
        #expect(read("C4", .fingered) == chord(.c, .onePlusEight))
    }

    @Test func everyShapeBelongsToOneRoot() {
        let table = ChordTable.shared
        let shapes = (1..<4096).filter { table.singleFinger[$0] != 0 }
        #expect(shapes.count == 48)
    }
}

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
