import MusicCore
import Testing

@testable import Practice

@Suite struct KeyCycleTests {
    func random(_ seed: UInt64, passes: Int) -> [Int] {
        (0..<passes).map { KeyCycle.random(seed: seed).transposition(pass: $0, home: .c) }
    }

    @Test func randomKeysVisitAllTwelveEveryRoundAndNeverRepeatOne() {
        for seed: UInt64 in [1, 2, 7, 42, 0xFFFF_FFFF_FFFF_FFFF] {
            let keys = random(seed, passes: 12 * 200)
            #expect(keys[0] == 0, "the first pass as written")
            for round in 0..<200 {
                let slice = keys[(12 * round)..<(12 * round + 12)]
                #expect(Set(slice) == Set(0..<12), "seed \(seed), round \(round + 1): \(Array(slice))")
            }
            let repeats = zip(keys, keys.dropFirst()).enumerated().filter { $0.element.0 == $0.element.1 }.map(\.offset)
            #expect(repeats.isEmpty, "seed \(seed): the same key twice at passes \(repeats.prefix(5))")
        }
    }

    @Test func randomKeysGoOnWithoutComingRound() {
        let keys = random(1, passes: 12 * 100)
        let rounds = stride(from: 0, to: keys.count, by: 12).map { Array(keys[$0..<($0 + 12)]) }
        // A hundred rounds, nearly all in orders of their own (12! orders: a repeat is rare).
        #expect(Set(rounds).count >= 99)
        #expect(rounds[1] != rounds[0] && rounds[2] != rounds[1])
        // Far into an endless loop, found at once and the same every time.
        let far = KeyCycle.random(seed: 9).transposition(pass: 1_000_000_007, home: .c)
        // Its round holds all twelve keys, and does not start on the key the round before ends on.
        let round = KeyCycle.randomRound(1_000_000_007 / 12, seed: 9)
        #expect(Set(round) == Set(0..<12) && far == round[1_000_000_007 % 12])
        #expect(round.first != KeyCycle.randomRound(1_000_000_007 / 12 - 1, seed: 9).last)
        #expect((0..<12).contains(far))
    }

    @Test func theSeedMakesTheOrder() {
        #expect(random(7, passes: 48) == random(7, passes: 48))
        #expect(random(7, passes: 48) != random(8, passes: 48))
        #expect(KeyCycle("random") == .random(seed: 1) && KeyCycle("random:7") == .random(seed: 7))
        // The home key does not move a random cycle: it counts semitones from the song's key.
        #expect(KeyCycle.random(seed: 3).transposition(pass: 5, home: .c) == KeyCycle.random(seed: 3).transposition(pass: 5, home: .g))
    }
}
