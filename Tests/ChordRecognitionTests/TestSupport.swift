import MusicCore

@testable import ChordRecognition

/// Notes from names ("C4", "Eb3"); a bad name fails loudly in the test that uses it.
func notes(_ names: String) -> [UInt7] {
    names.split(separator: " ").map { name in
        guard let n = NoteName.parse(name) else { preconditionFailure("bad note name \(name)") }
        return n
    }
}

func chord(_ root: PitchClass, _ type: ChordType, bass: PitchClass? = nil) -> ChordReading {
    .chord(Chord(root: root, type: type, bass: bass))
}

func read(_ names: String, _ mode: FingeringMode = .fingered, previous: Chord? = nil) -> ChordReading {
    ChordRecognizer(mode: mode).recognize(notes: notes(names), previous: previous)
}

/// A small deterministic generator for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Does `chord` (root and type) fit the pitch classes of `keys` by one of its forms?
func fits(_ chord: Chord, _ keys: [UInt7]) -> Bool {
    let rel = Set(keys.map { PitchClass(note: $0).interval(from: chord.root) })
    return chord.type.forms.contains { $0.required.isSubset(of: rel) && rel.isSubset(of: $0.all) }
}
