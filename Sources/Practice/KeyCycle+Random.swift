extension KeyCycle {
    /// The transpositions (0...11) of round `round` of a random cycle: a shuffle of all twelve.
    /// Each round is shuffled from its own seed, so any pass is found at once, however far into
    /// an endless loop. A round never changes its last key, so the next round can look at it
    /// without going further back: its first key, if it repeats that one, swaps with another
    /// of its first eleven.
    static func randomRound(_ round: Int, seed: UInt64) -> [Int] {
        var keys = shuffled(round, seed: seed)
        if round == 0 {
            // The first pass as written.
            keys.swapAt(0, keys.firstIndex(of: 0)!)
            return keys
        }
        let before = round == 1 ? randomRound(0, seed: seed).last! : shuffled(round - 1, seed: seed).last!
        if keys[0] == before {
            var generator = SplitMix64(seed: roundSeed(round, seed: seed) ^ 0xA5A5_A5A5_A5A5_A5A5)
            keys.swapAt(0, 1 + Int(generator.next() % 10))
        }
        return keys
    }

    /// Twelve semitones in the order of round `round` before the rules above (Fisher–Yates).
    static func shuffled(_ round: Int, seed: UInt64) -> [Int] {
        var keys = Array(0..<12)
        var generator = SplitMix64(seed: roundSeed(round, seed: seed))
        for i in stride(from: 11, to: 0, by: -1) {
            keys.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        return keys
    }

    /// A seed of its own for each round (not a shifted copy of the stream of another).
    static func roundSeed(_ round: Int, seed: UInt64) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: round) &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }
}
