import MusicCore

/// The set of held MIDI keys as a 128-bit mask: copying, adding and asking for the lowest
/// or highest key never allocates, so recognition can run on the audio thread.
public struct KeySet: Hashable, Sendable, Sequence {
    public private(set) var low: UInt64 = 0
    public private(set) var high: UInt64 = 0

    public init() {}

    public init(_ notes: some Sequence<UInt7>) {
        for n in notes { insert(n) }
    }

    public var isEmpty: Bool { low == 0 && high == 0 }
    public var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    public func contains(_ note: UInt7) -> Bool {
        let n = note.intValue
        return n < 64 ? (low >> UInt64(n)) & 1 == 1 : (high >> UInt64(n - 64)) & 1 == 1
    }

    public mutating func insert(_ note: UInt7) {
        let n = note.intValue
        if n < 64 { low |= 1 << UInt64(n) } else { high |= 1 << UInt64(n - 64) }
    }

    public mutating func remove(_ note: UInt7) {
        let n = note.intValue
        if n < 64 { low &= ~(1 << UInt64(n)) } else { high &= ~(1 << UInt64(n - 64)) }
    }

    public mutating func removeAll() { low = 0; high = 0 }

    /// The lowest held key, nil when nothing is held.
    public var lowest: UInt7? {
        if low != 0 { return UInt7(clamping: low.trailingZeroBitCount) }
        if high != 0 { return UInt7(clamping: 64 + high.trailingZeroBitCount) }
        return nil
    }

    /// The highest held key, nil when nothing is held.
    public var highest: UInt7? {
        if high != 0 { return UInt7(clamping: 127 - high.leadingZeroBitCount) }
        if low != 0 { return UInt7(clamping: 63 - low.leadingZeroBitCount) }
        return nil
    }

    /// The held pitch classes as a 12-bit mask (bit 0 = C).
    public var pitchClassMask: Int {
        var mask = 0
        var word = low
        while word != 0 {
            let n = word.trailingZeroBitCount
            mask |= 1 << (n % 12)
            word &= word - 1
        }
        word = high
        while word != 0 {
            let n = 64 + word.trailingZeroBitCount
            mask |= 1 << (n % 12)
            word &= word - 1
        }
        return mask
    }

    /// Keys in ascending order.
    public func makeIterator() -> Iterator { Iterator(low: low, high: high) }

    public struct Iterator: IteratorProtocol {
        var low: UInt64
        var high: UInt64
        public mutating func next() -> UInt7? {
            if low != 0 {
                let n = low.trailingZeroBitCount
                low &= low - 1
                return UInt7(clamping: n)
            }
            if high != 0 {
                let n = high.trailingZeroBitCount
                high &= high - 1
                return UInt7(clamping: 64 + n)
            }
            return nil
        }
    }
}
