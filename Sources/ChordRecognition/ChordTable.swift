import MusicCore

/// Every answer recognition can give, computed once: for each of the 4096 pitch-class sets
/// and each of the 12 possible lowest notes, the Fingered readings in order of preference.
/// A recognition is then a few array look-ups (see the benchmark for the cost).
///
/// A candidate is packed in 16 bits: bit 15 set, root in bits 6–9, Yamaha type code in 0–5.
/// Up to four candidates per entry are packed into one UInt64, best in the low bits; the
/// ones after the first tie with it on every rule but the previous-chord bonus.
public struct ChordTable: Sendable {
    /// `fingered[lowest * 4096 + mask]`.
    let fingered: [UInt64]
    /// Readings that ignore where the lowest note is (root-position-only types left out):
    /// used for the notes above a slash bass.
    let positionFree: [UInt16]
    /// Single Finger shapes.
    let singleFinger: [UInt16]
    /// Per type, the intervals (as a 12-bit mask) that may stand in the bass of a slash
    /// reading without the chord being better read as "upper chord over a foreign bass".
    let bassFriendly: [Int]

    public static let shared = ChordTable()

    /// Bitmask forms of each type: (required, all).
    static let formMasks: [[(required: Int, all: Int)]] = ChordType.allCases.map { type in
        type.forms.map { form in
            (form.required.reduce(0) { $0 | 1 << $1 }, form.all.reduce(0) { $0 | 1 << $1 })
        }
    }

    /// Tones that colour a chord rather than define it (9ths, 11ths, 13ths, altered
    /// tensions): a bass on one of them reads better as a slash under the simpler chord.
    static func tensions(of type: ChordType) -> [Int] {
        switch type {
        case .add9, .major9, .sixNine, .minorAdd9, .minor9, .minorMajor9, .nine: [2]
        case .minor11: [2, 5]
        case .major7Sharp11, .sevenSharp11: [2, 6]
        case .thirteen: [9]
        case .sevenFlat9: [1]
        case .sevenFlat13: [8]
        case .sevenSharp9: [3]
        default: []
        }
    }

    /// Rotates a 12-bit pitch-class mask so that `root` becomes bit 0.
    @inline(__always)
    static func relative(_ mask: Int, to root: Int) -> Int {
        ((mask >> root) | (mask << (12 - root))) & 0xFFF
    }

    static func pack(root: Int, type: Int) -> UInt16 { UInt16(0x8000 | root << 6 | type) }

    static func unpack(_ code: UInt16) -> Chord? {
        guard code & 0x8000 != 0, let type = ChordType(rawValue: Int(code & 0x3F)) else { return nil }
        return Chord(root: PitchClass(wrapping: Int(code >> 6) & 0xF), type: type)
    }

    init() {
        let types = ChordType.allCases
        // Per mask, every (root, type, omitted tones) that fits, regardless of position.
        struct Candidate { var root: Int; var type: Int; var omitted: Int }
        var fingered = [UInt64](repeating: 0, count: 12 * 4096)
        var positionFree = [UInt16](repeating: 0, count: 4096)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(16)
        for mask in 1..<4096 {
            candidates.removeAll(keepingCapacity: true)
            for root in 0..<12 where mask & (1 << root) != 0 {
                let rel = Self.relative(mask, to: root)
                for type in types {
                    var bestOmitted = Int.max
                    for form in Self.formMasks[type.rawValue]
                    where rel & form.required == form.required && rel & ~form.all == 0 {
                        bestOmitted = min(bestOmitted, (form.all & ~rel).nonzeroBitCount)
                    }
                    if bestOmitted != Int.max {
                        candidates.append(Candidate(root: root, type: type.rawValue, omitted: bestOmitted))
                    }
                }
            }
            if candidates.isEmpty { continue }
            // Position-free: fewest omitted tones, then the lower type code.
            let free = candidates.filter {
                let type = ChordType(rawValue: $0.type)!
                return !type.rootPositionOnly && !(type.inversionNeedsFifth && Self.relative(mask, to: $0.root) & (1 << 7) == 0)
            }.min { ($0.omitted, $0.type, $0.root) < ($1.omitted, $1.type, $1.root) }
            if let free { positionFree[mask] = Self.pack(root: free.root, type: free.type) }

            for lowest in 0..<12 where mask & (1 << lowest) != 0 {
                let allowed = candidates.filter { c in
                    let type = ChordType(rawValue: c.type)!
                    if c.root == lowest { return true }
                    if type.rootPositionOnly { return false }
                    if type.inversionNeedsFifth && Self.relative(mask, to: c.root) & (1 << 7) == 0 { return false }
                    return true
                }
                // Root in the bass first, then fewest omitted tones, then the lower code.
                let ranked = allowed.sorted {
                    let a = ($0.root == lowest ? 0 : 1, $0.omitted, $0.type)
                    let b = ($1.root == lowest ? 0 : 1, $1.omitted, $1.type)
                    return a < b
                }
                guard let best = ranked.first else { continue }
                var packed = UInt64(Self.pack(root: best.root, type: best.type))
                var slot: UInt64 = 1
                for alt in ranked.dropFirst()
                where slot < 4 && (alt.root == lowest) == (best.root == lowest) && alt.omitted == best.omitted {
                    packed |= UInt64(Self.pack(root: alt.root, type: alt.type)) << (16 * slot)
                    slot += 1
                }
                fingered[lowest * 4096 + mask] = packed
            }
        }
        self.fingered = fingered
        self.positionFree = positionFree

        var single = [UInt16](repeating: 0, count: 4096)
        let black: Set<Int> = [1, 3, 6, 8, 10]
        for root in 0..<12 {
            // Walk down the keyboard from the root for the nearest black and white keys.
            var nearestBlack = -1, nearestWhite = -1
            var step = 1
            while nearestBlack < 0 || nearestWhite < 0 {
                let pc = (root - step + 120) % 12
                if black.contains(pc) { if nearestBlack < 0 { nearestBlack = pc } } else if nearestWhite < 0 { nearestWhite = pc }
                step += 1
            }
            let r = 1 << root, b = 1 << nearestBlack, w = 1 << nearestWhite
            single[r] = Self.pack(root: root, type: ChordType.major.rawValue)
            single[r | b] = Self.pack(root: root, type: ChordType.minor.rawValue)
            single[r | w] = Self.pack(root: root, type: ChordType.dominant7.rawValue)
            single[r | b | w] = Self.pack(root: root, type: ChordType.minor7.rawValue)
        }
        self.singleFinger = single

        self.bassFriendly = types.map { type in
            let tones = type.tones.reduce(0) { $0 | 1 << $1 }
            return Self.tensions(of: type).reduce(tones) { $0 & ~(1 << $1) }
        }
    }

    /// Three chromatically adjacent pitch classes and nothing else: the cancel gesture.
    @inline(__always)
    static func isCancel(_ mask: Int) -> Bool {
        guard mask.nonzeroBitCount == 3 else { return false }
        let low = mask.trailingZeroBitCount
        return relative(mask, to: low) == 0b111 || relative(mask, to: (low + 11) % 12) == 0b111
            || relative(mask, to: (low + 10) % 12) == 0b111
    }

    /// The preferred Fingered reading of `mask` with `lowest` in the bass, taking a tie in
    /// favour of `previous` (the small bonus for keeping the chord that is playing).
    @inline(__always)
    func fingeredReading(mask: Int, lowest: Int, previous: Chord?) -> Chord? {
        var packed = fingered[lowest * 4096 + mask]
        guard packed != 0 else { return nil }
        let best = UInt16(truncatingIfNeeded: packed)
        if let previous, packed >> 16 != 0 {
            let wanted = Self.pack(root: previous.root.rawValue, type: previous.type.rawValue)
            while packed != 0 {
                if UInt16(truncatingIfNeeded: packed) == wanted { return Self.unpack(wanted) }
                packed >>= 16
            }
        }
        return Self.unpack(best)
    }

    /// All Fingered readings tied for first place (for tests and diagnostics).
    public func fingeredCandidates(mask: Int, lowest: Int) -> [Chord] {
        var packed = fingered[lowest * 4096 + mask]
        var result: [Chord] = []
        while packed != 0 {
            if let c = Self.unpack(UInt16(truncatingIfNeeded: packed)) { result.append(c) }
            packed >>= 16
        }
        return result
    }
}
