import MusicCore

/// Reads a set of held keys as a chord in one fingering mode. Pure and allocation-free:
/// every decision is a look-up in `ChordTable`, so one recognition costs a few dozen
/// nanoseconds (the benchmark prints the figure).
public struct ChordRecognizer: Sendable {
    public var mode: FingeringMode
    let table: ChordTable

    public init(mode: FingeringMode = .fingered) {
        self.mode = mode
        self.table = ChordTable.shared
    }

    /// A melody note at least this far above the next lower note is not part of the
    /// harmony in the Full Keyboard modes (more than a fifth: hands rarely voice a chord
    /// with such a hole at the top, while a tune over a chord nearly always has one).
    public static let melodyGap = 8

    /// Recognises `keys`; `previous` is the chord playing now (for the AI modes and the
    /// bonus for keeping the current chord on a tie).
    public func recognize(_ keys: KeySet, previous: Chord? = nil) -> ChordReading {
        guard let lowestKey = keys.lowest else { return .unrecognised }
        let mask = keys.pitchClassMask
        let lowest = lowestKey.intValue % 12
        switch mode {
        case .singleFinger:
            if let c = ChordTable.unpack(table.singleFinger[mask]) { return .chord(c) }
            return ChordTable.isCancel(mask) ? .cancel : .unrecognised
        case .multiFinger:
            if let c = ChordTable.unpack(table.singleFinger[mask]) { return .chord(c) }
            return fingered(mask: mask, lowest: lowest, previous: previous)
        case .fingered:
            return fingered(mask: mask, lowest: lowest, previous: previous)
        case .fingeredOnBass:
            return onBass(mask: mask, lowest: lowest, previous: previous)
        case .aiFingered:
            if let previous, mask.nonzeroBitCount <= 2, mask & ~Self.mask(of: previous) == 0 {
                return .chord(previous)
            }
            return fingered(mask: mask, lowest: lowest, previous: previous)
        case .fullKeyboard, .aiFullKeyboard:
            return fullKeyboard(keys, previous: previous)
        }
    }

    /// Convenience for notes given as a list (the command line, tests).
    public func recognize(notes: some Sequence<UInt7>, previous: Chord? = nil) -> ChordReading {
        recognize(KeySet(notes), previous: previous)
    }

    @inline(__always)
    func fingered(mask: Int, lowest: Int, previous: Chord?) -> ChordReading {
        if ChordTable.isCancel(mask) { return .cancel }
        if let c = table.fingeredReading(mask: mask, lowest: lowest, previous: previous) { return .chord(c) }
        return .unrecognised
    }

    /// Fingered, with the lowest note as the bass. When the bass is a tension of the full
    /// reading (G under F A C reads F(9)) or the full set reads as nothing (G under A C E G),
    /// the notes above the bass are read on their own: F/G, Am/G.
    func onBass(mask: Int, lowest: Int, previous: Chord?) -> ChordReading {
        if ChordTable.isCancel(mask) { return .cancel }
        let full = table.fingeredReading(mask: mask, lowest: lowest, previous: previous)
        if let full, full.root.rawValue == lowest
            || table.bassFriendly[full.type.rawValue] & (1 << PitchClass(wrapping: lowest).interval(from: full.root)) != 0
        {
            return .chord(Chord(root: full.root, type: full.type, bass: PitchClass(wrapping: lowest)))
        }
        let upperMask = mask & ~(1 << lowest)
        if upperMask.nonzeroBitCount >= 3, let upper = ChordTable.unpack(table.positionFree[upperMask]) {
            return .chord(Chord(root: upper.root, type: upper.type, bass: PitchClass(wrapping: lowest)))
        }
        if let full { return .chord(Chord(root: full.root, type: full.type, bass: PitchClass(wrapping: lowest))) }
        return .unrecognised
    }

    /// Both hands: melody notes standing apart on top are set aside, then the largest set
    /// of low notes that reads as a chord (at least three pitch classes) is the harmony.
    func fullKeyboard(_ keys: KeySet, previous: Chord?) -> ChordReading {
        var harmony = keys
        // Set aside a melody on top: a note far above the rest, while a chord remains.
        while harmony.count >= 4, let top = harmony.highest {
            var rest = harmony
            rest.remove(top)
            guard let below = rest.highest, top.intValue - below.intValue >= Self.melodyGap,
                rest.pitchClassMask.nonzeroBitCount >= 3
            else { break }
            harmony = rest
        }
        if ChordTable.isCancel(keys.pitchClassMask) && keys.count == 3 { return .cancel }
        while let lowestKey = harmony.lowest {
            let mask = harmony.pitchClassMask
            if mask.nonzeroBitCount < 3 { break }
            if let c = table.fingeredReading(mask: mask, lowest: lowestKey.intValue % 12, previous: previous) {
                return .chord(c)
            }
            harmony.remove(harmony.highest!)
        }
        // Fewer than three pitch classes left: only the AI mode reads them, against the
        // chord that is playing (or as a bare fifth).
        guard mode == .aiFullKeyboard, let lowestKey = harmony.lowest else { return .unrecognised }
        let mask = harmony.pitchClassMask
        if let previous, mask & ~Self.mask(of: previous) == 0 { return .chord(previous) }
        if let c = table.fingeredReading(mask: mask, lowest: lowestKey.intValue % 12, previous: previous),
            c.type == .onePlusFive
        {
            return .chord(c)
        }
        return .unrecognised
    }

    /// The pitch classes of a chord as a 12-bit mask.
    @inline(__always)
    static func mask(of chord: Chord) -> Int {
        let rel = ChordTable.formMasks[chord.type.rawValue][0].all
        return (ChordTable.relative(rel, to: (12 - chord.root.rawValue) % 12)) | (1 << chord.bass.rawValue)
    }
}
