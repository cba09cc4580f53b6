import MusicCore
import Testing

@testable import ChordRecognition

@Suite struct KeySetTests {
    @Test func matchesASetOfNotes() {
        var rng = SplitMix(state: 11)
        for _ in 0..<2000 {
            let keys = (0..<Int.random(in: 0...10, using: &rng)).map { _ in UInt7(clamping: Int.random(in: 0...127, using: &rng)) }
            let set = KeySet(keys)
            let reference = Set(keys)
            #expect(set.count == reference.count)
            #expect(set.lowest == reference.min())
            #expect(set.highest == reference.max())
            #expect(Array(set) == reference.sorted())
            #expect(set.pitchClassMask == reference.reduce(0) { $0 | 1 << ($1.intValue % 12) })
            var removed = set
            for k in reference { removed.remove(k) }
            #expect(removed.isEmpty)
        }
    }
}
