/// The role a written note plays against the chord it was written on. The chord table maps
/// notes by role: the written 3rd becomes the new chord's 3rd (b3, sus4 or sus2), the 5th
/// its 5th (b5, #5), the 7th its 7th (b7, maj7, or the 6th of a 6 chord), and tensions
/// become the new chord's own tensions, or the nearest chord tone when it has none.
public enum ChordFunction: Int, CaseIterable, Hashable, Sendable {
    case root, ninth, third, eleventh, fifth, thirteenth, seventh

    /// The role of `interval` (semitones above the source root) in a chord of `tones`.
    public static func of(_ interval: Int, in tones: IntervalSet) -> ChordFunction {
        let iv = ((interval % 12) + 12) % 12
        let hasThird = tones.contains(3) || tones.contains(4)
        let hasFifth = tones.contains(7)
        let hasSeventh = tones.contains(10) || tones.contains(11)
        if tones.contains(iv) {
            switch iv {
            case 0: return .root
            case 1: return .ninth
            case 2: return hasThird ? .ninth : .third  // sus2
            case 3: return tones.contains(4) ? .ninth : .third  // #9 next to a major 3rd
            case 4: return .third
            case 5: return hasThird ? .eleventh : .third  // sus4
            case 6: return hasFifth ? .eleventh : .fifth  // #11 or b5
            case 7: return .fifth
            case 8: return hasFifth ? .thirteenth : .fifth  // b13 or #5
            case 9: return hasSeventh ? .thirteenth : .seventh  // 13, or the 6th of 6 / dim7
            default: return .seventh
            }
        }
        switch iv {
        case 0: return .root
        case 1, 2: return .ninth
        case 3: return tones.contains(4) ? .ninth : .third
        case 4: return .third
        case 5, 6: return .eleventh
        case 7: return .fifth
        case 8, 9: return .thirteenth
        default: return .seventh
        }
    }

    /// The interval that plays this role in a chord of `tones`; always a chord tone.
    /// `written` (the source interval) picks the nearest chord tone when the role is absent.
    public func realized(in tones: IntervalSet, written: Int) -> Int {
        switch self {
        case .root:
            return 0
        case .third:
            if tones.contains(4) { return 4 }
            if tones.contains(3) { return 3 }
            if tones.contains(5) { return 5 }
            if tones.contains(2) { return 2 }
        case .fifth:
            if tones.contains(7) { return 7 }
            if tones.contains(6) { return 6 }
            if tones.contains(8) { return 8 }
        case .seventh:
            if tones.contains(10) && tones.contains(11) { return ((written % 12) + 12) % 12 == 11 ? 11 : 10 }
            if tones.contains(10) { return 10 }
            if tones.contains(11) { return 11 }
            if tones.contains(9) { return 9 }
        case .ninth:
            if tones.contains(2) { return 2 }
            if tones.contains(1) { return 1 }
            if tones.contains(3) && tones.contains(4) { return 3 }
        case .eleventh:
            if tones.contains(5) { return 5 }
            if tones.contains(6) { return 6 }
        case .thirteenth:
            if tones.contains(9) { return 9 }
            if tones.contains(8) { return 8 }
        }
        return tones.nearest(to: written)
    }
}
