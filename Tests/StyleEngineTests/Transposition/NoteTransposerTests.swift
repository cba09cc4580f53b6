import MusicCore
import Testing

@testable import StyleEngine

/// Yamaha's manuals name middle C "C3"; these tests follow them: C3 = 60.
private func yamaha(_ name: String) -> Int {
    let letter = String(name.dropLast())
    let octave = Int(String(name.last!))!
    return 60 + (octave - 3) * 12 + PitchClass(name: letter)!.rawValue
}

private func play(_ names: [String], rules: TranspositionRules, chord: Chord) -> [Int?] {
    names.map { NoteTransposer.transpose(UInt7(yamaha($0))!, rules: rules, chord: chord).map { $0.intValue } }
}

private let fMajor = Chord(root: .f, type: .major)
private let fSharpMajor = Chord(root: .fSharp, type: .major)

@Test func rootFixedKeepsTheRegister() {
    let rules = TranspositionRules(table: .chord, rootRule: .fixed)
    #expect(play(["C3", "E3", "G3"], rules: rules, chord: fMajor) == ["C3", "F3", "A3"].map(yamaha))
}

@Test func rootTransposeFollowsTheHighKey() {
    let rules = TranspositionRules(table: .chord, rootRule: .transpose(highKey: .f))
    #expect(play(["C3", "E3", "G3"], rules: rules, chord: fMajor) == ["F3", "A3", "C4"].map(yamaha))
    #expect(play(["C3", "E3", "G3"], rules: rules, chord: fSharpMajor) == ["F#2", "A#2", "C#3"].map(yamaha))
}

@Test func noteLimitsFoldByOctaves() {
    let rules = TranspositionRules(
        table: .chord, rootRule: .transpose(highKey: .f), lowLimit: UInt7(yamaha("C3"))!,
        highLimit: UInt7(yamaha("D4"))!)
    #expect(play(["C3", "E3", "G3"], rules: rules, chord: fMajor) == ["F3", "A3", "C4"].map(yamaha))
    // Written an octave higher, the notes fold back into C3–D4.
    #expect(play(["C4", "E4", "G4"], rules: rules, chord: fMajor) == ["F3", "A3", "C4"].map(yamaha))
    // Under F# the high key takes the notes down, and the low limit folds F#2 A#2 C#3 up.
    #expect(play(["C3", "E3", "G3"], rules: rules, chord: fSharpMajor) == ["F#3", "A#3", "C#3"].map(yamaha))
}

@Test func limitsNarrowerThanTheNoteGiveSilence() {
    let rules = TranspositionRules(table: .bypass, rootRule: .fixed, lowLimit: 61, highLimit: 62)
    #expect(NoteTransposer.transpose(60, rules: rules, chord: fMajor) == nil)
    #expect(NoteTransposer.transpose(73, rules: rules, chord: fMajor) == 61)
}

@Test func bypassRootFixedIsUnchanged() {
    for type in ChordType.allCases {
        for n in 0..<128 {
            let note = UInt7(n)!
            #expect(NoteTransposer.transpose(note, rules: .drums, chord: Chord(root: .a, type: type)) == note)
        }
    }
}

@Test func masksSilenceTheTrack() {
    let majorOnly = TranspositionRules(typeMask: 1 << UInt64(ChordType.major.rawValue))
    #expect(NoteTransposer.transpose(60, rules: majorOnly, chord: Chord(root: .d, type: .major)) != nil)
    #expect(NoteTransposer.transpose(60, rules: majorOnly, chord: Chord(root: .d, type: .minor)) == nil)
    let notOnG = TranspositionRules(rootMask: TranspositionRules.allRoots & ~(1 << 7))
    #expect(NoteTransposer.transpose(60, rules: notOnG, chord: Chord(root: .g, type: .major)) == nil)
}

/// Written on CMaj7 (C E G B, tensions D F A), played under C chords of other types.
@Test(arguments: [
    (ChordType.minor7, [60, 63, 67, 70]),
    (.sixth, [60, 64, 67, 69]),
    (.sus4, [60, 65, 67, 72]),
    (.augmented, [60, 64, 68, 72]),
    (.diminished, [60, 63, 66, 72]),
    (.diminished7, [60, 63, 66, 69]),
    (.dominant7, [60, 64, 67, 70]),
    (.minorMajor7, [60, 63, 67, 71]),
    (.minor7Flat5, [60, 63, 66, 70]),
    (.sus2, [60, 62, 67, 72]),
    (.onePlusFive, [60, 67, 67, 72]),
])
func chordTableMapsByFunction(type: ChordType, expected: [Int]) {
    let rules = TranspositionRules(table: .chord, rootRule: .fixed)
    let played = [60, 64, 67, 71].map { NoteTransposer.transpose(UInt7($0)!, rules: rules, chord: Chord(root: .c, type: type))?.intValue }
    #expect(played == expected)
}

@Test func chordTableTensionsFindTheChordsOwnTensions() {
    let rules = TranspositionRules(table: .chord, rootRule: .transpose(highKey: .fSharp))
    func d(_ type: ChordType) -> Int? { NoteTransposer.transpose(62, rules: rules, chord: Chord(root: .c, type: type))?.intValue }
    #expect(d(.nine) == 62)
    #expect(d(.sevenFlat9) == 61)
    #expect(d(.sevenSharp9) == 63)
    #expect(d(.major) == 60)  // no ninth: the nearest chord tone (a tie goes down)
    func a(_ type: ChordType) -> Int? { NoteTransposer.transpose(69, rules: rules, chord: Chord(root: .c, type: type))?.intValue }
    #expect(a(.thirteen) == 69)
    #expect(a(.sevenFlat13) == 68)
}

/// Every output of the chord table is a tone of the chord: 12 roots x 34 types x 128 notes,
/// for both root rules and several source chords.
@Test func chordTableOutputIsAlwaysAChordTone() {
    let sources = [Chord(root: .c, type: .major7), Chord(root: .c, type: .major), Chord(root: .c, type: .minor7),
                   Chord(root: .d, type: .minor11), Chord(root: .g, type: .dominant7)]
    for source in sources {
        for rootRule in [RootRule.fixed, .transpose(highKey: .f)] {
            let rules = TranspositionRules(sourceChord: source, table: .chord, rootRule: rootRule)
            for root in PitchClass.allCases {
                for type in ChordType.allCases {
                    let chord = Chord(root: root, type: type)
                    let tones = type.toneSet.pitchClasses(above: root)
                    for n in 0..<128 {
                        guard let out = NoteTransposer.transpose(UInt7(n)!, rules: rules, chord: chord) else {
                            Issue.record("silent: \(n) under \(chord) from \(source)")
                            continue
                        }
                        if !tones.contains(out.intValue) {
                            Issue.record("\(n) -> \(out) not in \(chord) (source \(source), \(rootRule))")
                        }
                        if abs(out.intValue - n) > 18 { Issue.record("\(n) -> \(out): too far under \(chord)") }
                    }
                }
            }
        }
    }
}

@Test func melodyTableStaysInTheChordsScale() {
    for rootRule in [RootRule.fixed, .transpose(highKey: .fSharp)] {
        let rules = TranspositionRules(table: .melody, rootRule: rootRule)
        for root in PitchClass.allCases {
            for type in ChordType.allCases {
                let chord = Chord(root: root, type: type)
                let scale = ChordScale.set(of: type).pitchClasses(above: root)
                for n in 0..<128 {
                    let out = NoteTransposer.transpose(UInt7(n)!, rules: rules, chord: chord)
                    #expect(out.map { scale.contains($0.intValue) } == true, "\(n) under \(chord)")
                }
            }
        }
    }
}

@Test func melodyTableMapsDegreeByDegree() {
    let rules = TranspositionRules(table: .melody, rootRule: .transpose(highKey: .fSharp))
    let line = [60, 62, 64, 65, 67, 69, 71, 72]
    let minor = line.map { NoteTransposer.transpose(UInt7($0)!, rules: rules, chord: Chord(root: .c, type: .minor))!.intValue }
    #expect(minor == [60, 62, 63, 65, 67, 68, 70, 72])
    let d7 = line.map { NoteTransposer.transpose(UInt7($0)!, rules: rules, chord: Chord(root: .d, type: .dominant7))!.intValue }
    #expect(d7 == [62, 64, 66, 67, 69, 71, 72, 74])
}

@Test func bassTableTakesTheSlashBass() {
    let rules = TranspositionRules(table: .bass, rootRule: .transpose(highKey: .fSharp))
    func bass(_ chord: Chord, _ note: Int = 36) -> Int? { NoteTransposer.transpose(UInt7(note)!, rules: rules, chord: chord)?.intValue }
    #expect(bass(Chord(root: .c, type: .major, bass: .e)) == 40)
    #expect(bass(Chord(root: .c, type: .major, bass: .g)) == 31)
    #expect(bass(Chord(root: .f, type: .major7, bass: .a)) == 45)
    #expect(bass(Chord(root: .f, type: .major7)) == 41)
    // The fifth stays the chord's fifth, not the bass's.
    #expect(bass(Chord(root: .c, type: .major, bass: .e), 43) == 43)
    // The melody table without "bass on" ignores the slash.
    let melody = TranspositionRules(table: .melody, rootRule: .transpose(highKey: .fSharp))
    #expect(NoteTransposer.transpose(36, rules: melody, chord: Chord(root: .c, type: .major, bass: .e)) == 36)
    var bassOn = melody
    bassOn.bassOn = true
    #expect(NoteTransposer.transpose(36, rules: bassOn, chord: Chord(root: .c, type: .major, bass: .e)) == 40)
}

@Test func minorTablesMoveOnlyTheirDegrees() {
    // Written on C minor: C D Eb F G Ab Bb B, played under C major.
    let line = [60, 62, 63, 65, 67, 68, 70, 71]
    func under(_ table: NoteTable, _ chord: Chord) -> [Int] {
        let rules = TranspositionRules(sourceChord: Chord(root: .c, type: .minor), table: table, rootRule: .fixed)
        return line.map { NoteTransposer.transpose(UInt7($0)!, rules: rules, chord: chord)!.intValue }
    }
    let cMajor = Chord(root: .c, type: .major)
    #expect(under(.melodicMinor, cMajor) == [60, 62, 64, 65, 67, 68, 70, 71])
    #expect(under(.harmonicMinor, cMajor) == [60, 62, 64, 65, 67, 69, 70, 71])
    #expect(under(.naturalMinor, cMajor) == [60, 62, 64, 65, 67, 69, 71, 71])
    #expect(under(.dorian, cMajor) == [60, 62, 64, 65, 67, 68, 71, 71])
    #expect(under(.dorian, Chord(root: .c, type: .dominant7)) == [60, 62, 64, 65, 67, 68, 70, 70])
    // Under a minor chord the written minor line is unchanged.
    #expect(under(.harmonicMinor, Chord(root: .c, type: .minor)) == [60, 62, 63, 65, 67, 68, 70, 71])
    // The 5th variants follow a diminished chord's b5.
    let cDim = Chord(root: .c, type: .diminished)
    #expect(under(.harmonicMinor, cDim)[4] == 67)
    #expect(under(.harmonicMinor5th, cDim)[4] == 66)
}

@Test func noteMapMatchesTheTransposer() {
    var generator = SystemRandomNumberGenerator()
    let tables = NoteTable.allCases
    var map = NoteMap()
    for _ in 0..<300 {
        let rules = TranspositionRules(
            sourceChord: Chord(root: PitchClass(wrapping: Int.random(in: 0..<12, using: &generator)), type: ChordType.allCases.randomElement()!),
            table: tables.randomElement()!,
            rootRule: Bool.random() ? .fixed : .transpose(highKey: PitchClass(wrapping: Int.random(in: 0..<12))),
            lowLimit: UInt7(Int.random(in: 0...60))!, highLimit: UInt7(Int.random(in: 61...127))!,
            bassOn: Bool.random())
        let chord = Chord(root: PitchClass(wrapping: Int.random(in: 0..<12)), type: ChordType.allCases.randomElement()!,
                          bass: Bool.random() ? PitchClass(wrapping: Int.random(in: 0..<12)) : nil)
        map.update(rules: rules, chord: chord)
        for n in 0..<128 {
            let note = UInt7(n)!
            #expect(map[note] == NoteTransposer.transpose(note, rules: rules, chord: chord))
        }
    }
}
