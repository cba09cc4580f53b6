import MusicCore

extension YamahaChannelTable {
    /// The note table and "bass on" flag of the main block. SFF1 numbers its tables 0 bypass,
    /// 1 melody, 2 chord, 3 bass, 4 melodic minor, 5 harmonic minor; SFF2 0 bypass, 1 melody,
    /// 2 chord, 3/4 melodic minor (5th), 5/6 harmonic minor (5th), 7/8 natural minor (5th),
    /// 9/10 dorian (5th). Under the guitar NTR the number picks a guitar table. Bit 7 = bass on.
    /// Nil for a number outside the format's list.
    public var noteTable: (table: NoteTable, bassOn: Bool)? {
        let bassOn = main.ntt & 0x80 != 0
        let number = main.ntt & 0x7F
        if main.ntr == 2 { return number <= 2 ? (.guitar, bassOn) : nil }
        let sff1: [NoteTable] = [.bypass, .melody, .chord, .bass, .melodicMinor, .harmonicMinor]
        let sff2: [NoteTable] = [
            .bypass, .melody, .chord, .melodicMinor, .melodicMinor5th, .harmonicMinor, .harmonicMinor5th,
            .naturalMinor, .naturalMinor5th, .dorian, .dorian5th,
        ]
        let list = format == .sff1 ? sff1 : sff2
        guard Int(number) < list.count else { return nil }
        return (list[Int(number)], bassOn)
    }

    public var rootRule: RootRule? {
        switch main.ntr {
        case 0, 2: return .transpose(highKey: PitchClass(wrapping: Int(main.highKey)))
        case 1: return .fixed
        default: return nil
        }
    }

    public var retriggerRule: RetriggerRule? {
        let rules: [RetriggerRule] = [.stop, .pitchShift, .pitchShiftToRoot, .retrigger, .retriggerToRoot, .noteGenerator]
        return Int(main.retrigger) < rules.count ? rules[Int(main.retrigger)] : nil
    }

    /// Sideman's rules for this channel; values out of range fall back to the usual ones and
    /// are listed in `problems` (for the import notes).
    public func rules() -> (rules: TranspositionRules, problems: [String]) {
        var problems: [String] = []
        let chord = sourceChord ?? {
            problems.append("source chord \(sourceRoot)/\(sourceChordType) unknown, using CM7")
            return Chord(root: .c, type: .major7)
        }()
        let table = noteTable ?? {
            problems.append("NTT \(main.ntt) unknown, using chord")
            return (.chord, false)
        }()
        let root = rootRule ?? {
            problems.append("NTR \(main.ntr) unknown, using root trans")
            return .transpose(highKey: PitchClass(wrapping: Int(main.highKey)))
        }()
        let retrigger = retriggerRule ?? {
            problems.append("retrigger rule \(main.retrigger) unknown, using pitch shift")
            return .pitchShift
        }()
        var lowLimit = main.lowLimit & 0x7F, highLimit = main.highLimit & 0x7F
        if lowLimit > highLimit {
            problems.append("note limits \(lowLimit)...\(highLimit) reversed")
            swap(&lowLimit, &highLimit)
        }
        let rules = TranspositionRules(
            sourceChord: chord, table: table.table, rootRule: root,
            lowLimit: UInt7(clamping: Int(lowLimit)), highLimit: UInt7(clamping: Int(highLimit)),
            retrigger: retrigger, bassOn: table.bassOn, rootMask: rootMask, typeMask: typeMask)
        return (rules, problems)
    }
}
