import MusicCore

/// A set of intervals above a root (bit n = n semitones, 0...11). Transposition works on
/// these 12-bit masks so that planning a chord change never allocates on the audio thread.
public struct IntervalSet: Hashable, Sendable {
    public var bits: UInt16

    public init(bits: UInt16) { self.bits = bits & 0x0FFF }

    public init(_ intervals: some Sequence<Int>) {
        var b: UInt16 = 0
        for i in intervals { b |= 1 << UInt16(((i % 12) + 12) % 12) }
        self.bits = b
    }

    @inline(__always)
    public func contains(_ interval: Int) -> Bool {
        bits & (1 << UInt16(((interval % 12) + 12) % 12)) != 0
    }

    public var isEmpty: Bool { bits == 0 }

    /// The intervals in ascending order (allocates; for tests and tools).
    public var intervals: [Int] { (0..<12).filter { contains($0) } }

    /// The same intervals read as absolute pitch classes above `root`.
    public func pitchClasses(above root: PitchClass) -> IntervalSet {
        var b: UInt16 = 0
        for i in 0..<12 where contains(i) { b |= 1 << UInt16((i + root.rawValue) % 12) }
        return IntervalSet(bits: b)
    }

    /// The member nearest to `interval` going round the octave; ties resolve downward.
    /// Returns `interval` itself for an empty set.
    public func nearest(to interval: Int) -> Int {
        let iv = ((interval % 12) + 12) % 12
        if contains(iv) { return iv }
        for distance in 1...6 {
            if contains(iv - distance) { return (iv - distance + 12) % 12 }
            if contains(iv + distance) { return (iv + distance) % 12 }
        }
        return iv
    }
}

extension ChordType {
    /// The chord's tones as an interval set (precomputed once for all 34 types).
    public var toneSet: IntervalSet { ChordTypeTables.toneSets[rawValue] }
}
