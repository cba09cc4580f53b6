import MusicCore

@testable import ChordRecognition

/// Generates the voicings a player might use for a chord: every accepted form, every
/// choice of omitted tones, every tone in the bass, and a few spreads and doublings.
enum Voicings {
    struct Voicing: CustomStringConvertible {
        var chord: Chord
        /// Intervals above the root that are played.
        var played: [Int]
        /// Interval in the bass.
        var bassInterval: Int
        var notes: [UInt7]
        var description: String { "\(chord) bass+\(bassInterval) \(notes.map { NoteName.name(of: $0) })" }
    }

    /// Every set of intervals a form allows (required plus any subset of optional tones).
    static func playedSets(of type: ChordType) -> [[Int]] {
        var result: Set<[Int]> = []
        for form in type.forms {
            let optional = form.optional.sorted()
            for bits in 0..<(1 << optional.count) {
                var tones = form.required
                for (i, o) in optional.enumerated() where bits & (1 << i) != 0 { tones.insert(o) }
                result.insert(tones.sorted())
            }
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Spreads of `intervals` over the keyboard with `bass` lowest (at or above MIDI 36 + root).
    static func spreads(root: Int, intervals: [Int], bass: Int) -> [[UInt7]] {
        let bassNote = 36 + (root + bass) % 12
        let others = intervals.filter { $0 != bass }.map { (root + $0) % 12 }
        func above(_ pc: Int, _ floor: Int) -> Int {
            var n = floor - (floor % 12) + pc
            while n <= floor { n += 12 }
            return n
        }
        var result: [[Int]] = []
        // Close: every other tone just above the bass.
        let close = [bassNote] + others.map { above($0, bassNote) }
        result.append(close)
        // Open: alternate tones an octave higher.
        result.append([bassNote] + others.enumerated().map { i, pc in above(pc, bassNote) + (i % 2 == 1 ? 12 : 0) })
        // Bass an octave below the close voicing.
        result.append([bassNote - 12] + others.map { above($0, bassNote) })
        // Doublings: every tone again an octave above, and the bass doubled.
        result.append(close + close.map { $0 + 12 })
        result.append(close + [bassNote + 24])
        return result.map { $0.compactMap { UInt7($0) } }
    }

    static func all(includingRootPositionOnlyInversions: Bool) -> [Voicing] {
        var result: [Voicing] = []
        for type in ChordType.allCases {
            for played in playedSets(of: type) {
                for root in 0..<12 {
                    for bass in played {
                        let inverted = bass != 0
                        if inverted && !includingRootPositionOnlyInversions {
                            if type.rootPositionOnly { continue }
                            if type.inversionNeedsFifth && !played.contains(7) { continue }
                        }
                        let chord = Chord(root: PitchClass(wrapping: root), type: type)
                        for notes in spreads(root: root, intervals: played, bass: bass) {
                            result.append(Voicing(chord: chord, played: played, bassInterval: bass, notes: notes))
                        }
                    }
                }
            }
        }
        return result
    }
}
