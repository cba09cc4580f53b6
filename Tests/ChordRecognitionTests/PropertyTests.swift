import MusicCore
import Testing

@testable import ChordRecognition

@Suite struct PropertyTests {
    /// Random key sets: moving every key by k semitones moves the answer by k, in every mode
    /// but the Single Finger ones (their shapes follow the black and white keys).
    @Test(arguments: [FingeringMode.fingered, .fingeredOnBass, .aiFingered, .fullKeyboard, .aiFullKeyboard])
    func transposingTheKeysTransposesTheChord(mode: FingeringMode) {
        var rng = SplitMix(state: 42)
        let recognizer = ChordRecognizer(mode: mode)
        var compared = 0
        for _ in 0..<5_000 {
            let count = Int.random(in: 1...7, using: &rng)
            let keys = (0..<count).map { _ in Int.random(in: 40...84, using: &rng) }
            let shift = Int.random(in: -12...12, using: &rng)
            let previousRoot = PitchClass(wrapping: Int.random(in: 0..<12, using: &rng))
            let previous = Chord(root: previousRoot, type: ChordType.allCases.randomElement(using: &rng)!)
            let a = recognizer.recognize(notes: keys.map { UInt7(clamping: $0) }, previous: previous)
            let b = recognizer.recognize(notes: keys.map { UInt7(clamping: $0 + shift) }, previous: previous.transposed(by: shift))
            switch (a, b) {
            case (.chord(let x), .chord(let y)):
                #expect(x.transposed(by: shift) == y, "\(keys) +\(shift)")
                compared += 1
            default:
                #expect(a == b, "\(keys) +\(shift)")
            }
        }
        #expect(compared > 100)
    }

    /// Doubling any key an octave higher (or lower, above the lowest key) changes nothing.
    @Test(arguments: [FingeringMode.singleFinger, .multiFinger, .fingered, .fingeredOnBass, .aiFingered])
    func octaveDoublingsChangeNothing(mode: FingeringMode) {
        let recognizer = ChordRecognizer(mode: mode)
        var checked = 0
        for v in Voicings.all(includingRootPositionOnlyInversions: true) where v.notes.count <= 6 {
            let reading = recognizer.recognize(notes: v.notes)
            let lowest = v.notes.min()!
            for n in v.notes {
                let up = UInt7(clamping: n.intValue + 12)
                #expect(recognizer.recognize(notes: v.notes + [up]) == reading, "\(v) + \(up)")
                if n != lowest, n.intValue - 12 > lowest.intValue {
                    let down = UInt7(clamping: n.intValue - 12)
                    #expect(recognizer.recognize(notes: v.notes + [down]) == reading, "\(v) + \(down)")
                }
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }
}
