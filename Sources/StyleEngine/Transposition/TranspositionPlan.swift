import MusicCore

/// How one track's rules move every written note under one chord, worked out once per chord
/// change: a signed move per written pitch class (the table), the root move (NTR), and the
/// set of classes a root-fixed note may land on. Holds no heap storage, so building one on
/// the audio thread never allocates.
public struct TranspositionPlan: Sendable {
    /// Move (semitones) per written interval above the source root: the table's mapping.
    var delta = SIMD16<Int8>(repeating: 0)
    /// Root-trans: semitones every note moves with the root (high-key octave included).
    /// Root-fixed: the root distance used to name each note's mapped class.
    var shift = 0
    var sourceRoot = 0
    /// Absolute pitch classes a root-fixed note may move to (what the table produces).
    var image: UInt16 = 0x0FFF
    var isFixed = false
    var isIdentity = false
    /// The rules' root/type masks exclude this chord: the track is silent.
    public private(set) var isSilent = false
    var low = 0
    var high = 127

    /// Bypass, root fixed, full range: every note as written.
    public static let identity = TranspositionPlan()

    private init() { isIdentity = true }

    public init(rules: TranspositionRules, chord: Chord) {
        low = Int(rules.lowLimit.rawValue)
        high = Int(rules.highLimit.rawValue)
        if low > high { swap(&low, &high) }
        sourceRoot = rules.sourceChord.root.rawValue
        guard rules.plays(on: chord) else {
            isSilent = true
            return
        }
        let root = chord.root.rawValue
        switch rules.rootRule {
        case .fixed:
            isFixed = true
            shift = (root - sourceRoot + 12) % 12
        case .transpose(let highKey):
            func position(_ pc: Int) -> Int { pc <= highKey.rawValue ? pc : pc - 12 }
            shift = position(root) - position(sourceRoot)
        }
        if rules.table == .bypass {
            isIdentity = isFixed && low == 0 && high == 127
            image = 0x0FFF
            return
        }
        let sourceTones = rules.sourceChord.type.toneSet
        let targetTones = chord.type.toneSet
        let slashBass: Int? =
            (rules.table == .bass || rules.bassOn) && chord.isSlash ? chord.bass.interval(from: chord.root) : nil
        for iv in 0..<12 {
            var target: Int
            switch rules.table {
            case .bypass:
                target = iv
            case .chord, .guitar:
                target = ChordFunction.of(iv, in: sourceTones).realized(in: targetTones, written: iv)
            case .melody, .bass:
                target = Self.scaleDegreeTarget(iv, source: rules.sourceChord.type, target: chord.type)
            case .melodicMinor, .melodicMinor5th, .harmonicMinor, .harmonicMinor5th, .naturalMinor,
                .naturalMinor5th, .dorian, .dorian5th:
                target = Self.minorTableTarget(iv, table: rules.table, target: targetTones)
            }
            if let slashBass, target == 0 { target = slashBass }
            delta[iv] = Int8(Self.signedMove(from: iv, to: target))
        }
        // Classes the table produces from the source chord's scale and tones: where a
        // root-fixed note may go.
        let sourceScale = ChordScale.set(of: rules.sourceChord.type).bits | sourceTones.bits
        var img: UInt16 = 0
        for iv in 0..<12 where sourceScale & (1 << UInt16(iv)) != 0 {
            img |= 1 << UInt16(((root + iv + Int(delta[iv])) % 12 + 12) % 12)
        }
        image = img
    }

    /// The note to play for a written note, or nil (silent track, or no key in the limits).
    @inline(__always)
    public func apply(_ written: Int) -> Int? {
        if isIdentity { return written }
        if isSilent { return nil }
        let iv = ((written - sourceRoot) % 12 + 12) % 12
        var note: Int
        if isFixed {
            note = Self.nearest(to: written, mappedClass: ((written + Int(delta[iv]) + shift) % 12 + 12) % 12, in: image)
        } else {
            note = written + Int(delta[iv]) + shift
        }
        while note < low { note += 12 }
        while note > high { note -= 12 }
        guard note >= low, note >= 0, note <= 127 else { return nil }
        return note
    }

    /// Root fixed: a note keeps its function when its mapped class lies within a whole tone
    /// of the written key (the voicing barely moves); otherwise it moves to the nearest pitch
    /// whose class the table produces, a tie going to the mapped class, then upward. So the
    /// written register holds: C3 E3 G3 under F -> C3 F3 A3, B under C6 -> A.
    static func nearest(to written: Int, mappedClass: Int, in image: UInt16) -> Int {
        let move = signedMove(from: written, to: mappedClass)
        if abs(move) <= 2 { return written + move }
        func allowed(_ n: Int) -> Bool { image & (1 << UInt16((n % 12 + 12) % 12)) != 0 }
        if allowed(written) { return written }
        for d in 1...6 {
            let up = allowed(written + d), down = allowed(written - d)
            if up && down {
                return ((written - d) % 12 + 12) % 12 == mappedClass ? written - d : written + d
            }
            if up { return written + d }
            if down { return written - d }
        }
        return written + move
    }

    /// Shortest move between two intervals (-5...6).
    static func signedMove(from a: Int, to b: Int) -> Int {
        var d = ((b - a) % 12 + 12) % 12
        if d > 6 { d -= 12 }
        return d
    }

    /// Melody tables: the written note's degree in the source chord's scale, played as the
    /// same degree of the target chord's scale. Chromatic notes take the nearer scale
    /// neighbour's degree (the upper one on a tie), so the output is always in the scale.
    static func scaleDegreeTarget(_ iv: Int, source: ChordType, target: ChordType) -> Int {
        var best = 0, bestDistance = 99, bestUp = false
        for d in 0..<7 {
            let s = ChordScale.degree(d, of: source)
            let move = signedMove(from: iv, to: s)
            let distance = abs(move)
            if distance < bestDistance || (distance == bestDistance && move > 0 && !bestUp) {
                best = d
                bestDistance = distance
                bestUp = move > 0
            }
        }
        return ChordScale.degree(best, of: target)
    }

    /// Minor tables: only the named degrees follow the chord's quality (melodic minor: the
    /// 3rd; harmonic: 3rd and 6th; natural: 3rd, 6th, 7th; dorian: 3rd and 7th); the "5th"
    /// variants also move the 5th for b5/#5 chords. Other notes play as written.
    static func minorTableTarget(_ iv: Int, table: NoteTable, target tones: IntervalSet) -> Int {
        let minor = tones.contains(3) && !tones.contains(4)
        let sixth: Bool, seventh: Bool, fifth: Bool
        switch table {
        case .melodicMinor: (sixth, seventh, fifth) = (false, false, false)
        case .melodicMinor5th: (sixth, seventh, fifth) = (false, false, true)
        case .harmonicMinor: (sixth, seventh, fifth) = (true, false, false)
        case .harmonicMinor5th: (sixth, seventh, fifth) = (true, false, true)
        case .naturalMinor: (sixth, seventh, fifth) = (true, true, false)
        case .naturalMinor5th: (sixth, seventh, fifth) = (true, true, true)
        case .dorian: (sixth, seventh, fifth) = (false, true, false)
        default: (sixth, seventh, fifth) = (false, true, true)  // dorian5th
        }
        switch iv {
        case 3, 4:
            if minor { return 3 }
            if tones.contains(4) { return 4 }
            if tones.contains(5) { return 5 }
            if tones.contains(2) { return 2 }
            return 4
        case 8 where sixth, 9 where sixth:
            return minor ? 8 : 9
        case 10 where seventh, 11 where seventh:
            if minor || tones.contains(10) { return 10 }
            return 11
        case 7 where fifth:
            if tones.contains(7) { return 7 }
            if tones.contains(6) { return 6 }
            if tones.contains(8) { return 8 }
            return 7
        default:
            return iv
        }
    }
}
