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
