import MusicCore
import Testing

@testable import ChordRecognition

@Suite struct FingeredTests {
    /// 12 roots × 34 types × every form and omission × every accepted bass × spreads and
    /// doublings: each reads as the chord it voices.
    @Test(arguments: [FingeringMode.fingered, .aiFingered, .multiFinger])
    func everyAcceptedVoicingIsRecognised(mode: FingeringMode) {
        let recognizer = ChordRecognizer(mode: mode)
        let voicings = Voicings.all(includingRootPositionOnlyInversions: false)
        #expect(voicings.count > 10_000)
        var failures: [String] = []
        var checked = 0
        for v in voicings {
            // Multi Finger reads the two- and three-key Single Finger shapes its own way.
            if mode == .multiFinger && ChordTable.shared.singleFinger[KeySet(v.notes).pitchClassMask] != 0 { continue }
            checked += 1
            let got = recognizer.recognize(notes: v.notes)
            if got != .chord(v.chord) { failures.append("\(v) -> \(got)") }
        }
        #expect(checked > 10_000)
        #expect(failures.isEmpty, "\(failures.count) voicings misread, e.g. \(failures.prefix(5))")
    }

    @Test func everyTypeAndRootIsReachable() {
        let recognizer = ChordRecognizer(mode: .fingered)
        var seen = Set<Chord>()
        for v in Voicings.all(includingRootPositionOnlyInversions: false) {
            if let c = recognizer.recognize(notes: v.notes).chord { seen.insert(c) }
        }
        #expect(seen.count == 12 * 34)
    }

    /// Root-position-only types are never read with another tone in the bass.
    @Test func rootPositionOnlyTypesRefuseInversions() {
        let recognizer = ChordRecognizer(mode: .fingered)
        var inversions = 0
        for v in Voicings.all(includingRootPositionOnlyInversions: true)
        where v.bassInterval != 0 && (v.chord.type.rootPositionOnly || (v.chord.type.inversionNeedsFifth && !v.played.contains(7))) {
            inversions += 1
            let got = recognizer.recognize(notes: v.notes)
            #expect(got != .chord(v.chord), "\(v)")
            // Whatever it reads instead has the lowest note as its root when it is root-position-only.
            if let c = got.chord {
                #expect(fits(c, v.notes), "\(v) -> \(c)")
                if c.type.rootPositionOnly { #expect(c.root == PitchClass(note: v.notes.min()!), "\(v) -> \(c)") }
            }
        }
        #expect(inversions > 1000)
    }

    /// Every answer is a real reading of the keys: its form holds every played pitch class.
    @Test func everyAnswerFitsTheKeys() {
        var rng = SplitMix(state: 7)
        let recognizer = ChordRecognizer(mode: .fingered)
        var recognised = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...6, using: &rng)
            let keys = (0..<count).map { _ in UInt7(clamping: Int.random(in: 36...72, using: &rng)) }
            if let c = recognizer.recognize(notes: keys).chord {
                recognised += 1
                #expect(fits(c, keys), "\(keys) -> \(c)")
                if c.type.rootPositionOnly { #expect(c.root == PitchClass(note: keys.min()!)) }
            }
        }
        #expect(recognised > 1000)
    }

    @Test func rotationTwinsAreDecidedByTheLowestNote() {
        #expect(read("C4 E4 G4 A4") == chord(.c, .sixth))
        #expect(read("A3 C4 E4 G4") == chord(.a, .minor7))
        #expect(read("C4 Eb4 G4 A4") == chord(.c, .minor6))
        #expect(read("A3 C4 Eb4 G4") == chord(.a, .minor7Flat5))
        #expect(read("C4 D4 G4") == chord(.c, .sus2))
        #expect(read("G3 C4 D4") == chord(.g, .sus4))
        #expect(read("D3 G3 C4") == chord(.d, .sevenSus4))
        // Symmetric chords: the lowest note names the root.
        for (bass, name) in [("C4", PitchClass.c), ("E4", .e), ("G#4", .aFlat)] {
            let keys = ["C4", "E4", "G#4"].map { NoteName.parse($0)! }.map { $0 < NoteName.parse(bass)! ? UInt7(clamping: $0.intValue + 12) : $0 }
            #expect(ChordRecognizer().recognize(notes: keys) == chord(name, .augmented))
        }
        for (i, root) in [PitchClass.c, .eFlat, .fSharp, .a].enumerated() {
            let keys = (0..<4).map { UInt7(clamping: 60 + root.rawValue + 3 * $0) }
            #expect(ChordRecognizer().recognize(notes: keys) == chord(root, .diminished7), "inversion \(i)")
        }
    }

    @Test func omittedTonesAsYamahaLists() {
        #expect(read("C4 E4 B4") == chord(.c, .major7))
        #expect(read("C4 G4 B4") == chord(.c, .major7))
        #expect(read("C4 E4 Bb4") == chord(.c, .dominant7))
        #expect(read("C4 G4 Bb4") == chord(.c, .dominant7))
        #expect(read("C4 Eb4 Bb4") == chord(.c, .minor7))
        #expect(read("C4 G#4 B4") == chord(.c, .major7Sharp5))
        #expect(read("C4 F4 Bb4") == chord(.c, .sevenSus4))
        // 7sus4 inverted needs its fifth.
        #expect(read("F3 Bb3 C4") != chord(.c, .sevenSus4))
        #expect(read("F3 G3 Bb3 C4") == chord(.c, .sevenSus4))
        // A major triad may not drop its fifth or third.
        #expect(read("C4 E4") == .unrecognised)
        #expect(read("C4 G4") == chord(.c, .onePlusFive))
        #expect(read("G3 C4") == chord(.c, .onePlusFive))
        #expect(read("C4") == chord(.c, .onePlusEight))
        #expect(read("C3 C4 C5") == chord(.c, .onePlusEight))
    }

    @Test func threeAdjacentKeysCancel() {
        for low in 36...81 {
            let keys = [low, low + 1, low + 2].map { UInt7(clamping: $0) }
            for mode in FingeringMode.allCases where mode != .singleFinger && mode != .multiFinger {
                #expect(ChordRecognizer(mode: mode).recognize(notes: keys) == .cancel, "\(mode) \(keys)")
            }
        }
        // Adding a fourth key is no longer the gesture.
        #expect(read("C4 C#4 D4 G4") != .cancel)
        #expect(read("C4 D4 E4") != .cancel)
    }

    @Test func noKeysReadsNothing() {
        for mode in FingeringMode.allCases {
            #expect(ChordRecognizer(mode: mode).recognize(notes: [UInt7]()) == .unrecognised)
        }
    }
}
