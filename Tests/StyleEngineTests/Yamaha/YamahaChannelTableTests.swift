import MusicCore
import Testing

@testable import StyleEngine

@Suite struct YamahaChannelTableTests {
    func decodeCtab(_ chunk: [UInt8]) throws -> YamahaChannelTable {
        try YamahaChannelTable(ctab: chunk[8...])
    }

    @Test func ctabFieldsDecodeAtTheirOffsets() throws {
        let t = try decodeCtab(
            YamahaStyleBytes.ctab(
                source: 10, name: "Bass", destination: 10, roots: 0x0F03, types: 0x03_FFF8_00FF, sourceRoot: 4,
                sourceType: 8, ntr: 0, ntt: 3, highKey: 8, low: 28, high: 100, retrigger: 2))
        #expect(t.format == .sff1)
        #expect(t.sourceChannel == 10)
        #expect(t.name == "Bass")
        #expect(t.destinationChannel == 10)
        #expect(t.part == .bass)
        #expect(t.editable)
        #expect(t.rootMask == 0x0F03)
        #expect(t.typeMask == 0x03_FFF8_00FF)
        #expect(t.sourceChord == Chord(root: .e, type: .minor))
        #expect(t.main.highKey == 8 && t.main.lowLimit == 28 && t.main.highLimit == 100)
        let (rules, problems) = t.rules()
        #expect(problems.isEmpty)
        #expect(rules.table == .bass)
        #expect(!rules.bassOn)
        #expect(rules.rootRule == .transpose(highKey: .aFlat))
        #expect(rules.lowLimit == 28 && rules.highLimit == 100)
        #expect(rules.retrigger == .pitchShiftToRoot)
    }

    /// Bit n of the 12-bit root mask is pitch class n (C = bit 0): 0x0F03 = C, C#, G#, A, A#, B.
    @Test func rootMaskBitOrderIsCFromBitZero() throws {
        let t = try decodeCtab(YamahaStyleBytes.ctab(source: 11, destination: 11, roots: 0x0F03))
        let rules = t.rules().rules
        let playing = PitchClass.allCases.filter { rules.plays(on: Chord(root: $0, type: .major)) }
        #expect(playing == [.c, .cSharp, .aFlat, .a, .bFlat, .b])
    }

    /// Bit n of the type mask is Yamaha type code n (Maj = bit 0); the minor group
    /// (codes 8–18) is 0x00_0007_FF00 as the minor channels of real styles write it.
    @Test func typeMaskBitOrderIsMajFromBitZero() throws {
        let minor = try decodeCtab(YamahaStyleBytes.ctab(source: 2, destination: 10, types: 0x00_0007_FF00)).rules().rules
        let major = try decodeCtab(YamahaStyleBytes.ctab(source: 10, destination: 10, types: 0x03_FFF8_00FF)).rules().rules
        for type in ChordType.allCases {
            let chord = Chord(root: .c, type: type)
            let isMinorGroup = (8...18).contains(type.rawValue)
            #expect(minor.plays(on: chord) == isMinorGroup, "\(type)")
            #expect(major.plays(on: chord) == !isMinorGroup, "\(type)")
        }
        #expect(major.plays(on: Chord(root: .c, type: .major)))
    }

    /// Bit 34 (the cancel code) survives: a channel that plays only with no chord held.
    @Test func noChordBitIsKept() throws {
        let t = try decodeCtab(YamahaStyleBytes.ctab(source: 0, destination: 9, types: 0x04_0000_0000))
        #expect(t.typeMask == 1 << UInt64(ChordType.cancelCode))
        #expect(!ChordType.allCases.contains { t.rules().rules.plays(on: Chord(root: .c, type: $0)) })
    }

    @Test func sff1TableNumbers() throws {
        let expected: [UInt8: NoteTable] = [0: .bypass, 1: .melody, 2: .chord, 3: .bass, 4: .melodicMinor, 5: .harmonicMinor]
        for (ntt, table) in expected {
            let t = try decodeCtab(YamahaStyleBytes.ctab(source: 11, destination: 11, ntt: ntt))
            #expect(t.noteTable?.table == table)
        }
        let unknown = try decodeCtab(YamahaStyleBytes.ctab(source: 11, destination: 11, ntt: 6))
        #expect(unknown.noteTable == nil)
        #expect(unknown.rules().rules.table == .chord)
        #expect(unknown.rules().problems.count == 1)
    }

    @Test func rootFixedAndRetriggerRules() throws {
        let t = try decodeCtab(YamahaStyleBytes.ctab(source: 8, destination: 8, ntr: 1, ntt: 0, retrigger: 0))
        let rules = t.rules().rules
        #expect(rules.rootRule == .fixed)
        #expect(rules.table == .bypass)
        #expect(rules.retrigger == .stop)
        let all: [RetriggerRule] = [.stop, .pitchShift, .pitchShiftToRoot, .retrigger, .retriggerToRoot, .noteGenerator]
        for (i, rule) in all.enumerated() {
            let t = try decodeCtab(YamahaStyleBytes.ctab(source: 8, destination: 8, retrigger: UInt8(i)))
            #expect(t.retriggerRule == rule)
        }
    }

    /// Ctb2: bytes 20–21 the middle range, then low / main / high blocks; rules come from main.
    @Test func ctb2UsesTheMainBlock() throws {
        let chunk = YamahaStyleBytes.ctb2(
            source: 11, destination: 12, sourceRoot: 0, sourceType: 0, middle: (48, 95), main: [0, 0x89, 7, 36, 96, 4])
        let t = try YamahaChannelTable(ctb2: chunk[8...])
        #expect(t.format == .sff2)
        #expect(t.middleRange == 48...95)
        #expect(t.low?.ntt == 1 && t.high?.retrigger == 3)
        let rules = t.rules().rules
        #expect(rules.table == .dorian)
        #expect(rules.bassOn)
        #expect(rules.rootRule == .transpose(highKey: .g))
        #expect(rules.lowLimit == 36 && rules.highLimit == 96)
        #expect(rules.retrigger == .retriggerToRoot)
        #expect(rules.sourceChord == Chord(root: .c, type: .major))
    }

    @Test func sff2TableNumbers() throws {
        let expected: [NoteTable] = [
            .bypass, .melody, .chord, .melodicMinor, .melodicMinor5th, .harmonicMinor, .harmonicMinor5th,
            .naturalMinor, .naturalMinor5th, .dorian, .dorian5th,
        ]
        for (i, table) in expected.enumerated() {
            let chunk = YamahaStyleBytes.ctb2(source: 11, destination: 11, main: [0, UInt8(i), 6, 0, 127, 1])
            let t = try YamahaChannelTable(ctb2: chunk[8...])
            #expect(t.noteTable?.table == table)
        }
        // Guitar NTR: all-purpose, stroke, arpeggio are approximated by one guitar table.
        for ntt in [0, 1, 2] as [UInt8] {
            let chunk = YamahaStyleBytes.ctb2(source: 11, destination: 11, main: [2, ntt, 6, 0, 127, 1])
            let t = try YamahaChannelTable(ctb2: chunk[8...])
            #expect(t.noteTable?.table == .guitar)
            #expect(t.rootRule == .transpose(highKey: .fSharp))
        }
    }

    @Test func shortTablesAreRejected() {
        let ctab = YamahaStyleBytes.ctab(source: 1, destination: 9)
        #expect(throws: YamahaFormatProblem.self) { try YamahaChannelTable(ctab: ctab[8..<30]) }
        let ctb2 = YamahaStyleBytes.ctb2(source: 1, destination: 9, main: [0, 2, 6, 0, 127, 1])
        #expect(throws: YamahaFormatProblem.self) { try YamahaChannelTable(ctb2: ctb2[8..<40]) }
    }

    @Test func cnttOverridesTheTableOfItsChannel() throws {
        let bytes = YamahaStyleBytes.casm([
            YamahaStyleBytes.cseg(
                ["Main A", "Fill In AA"],
                [
                    YamahaStyleBytes.ctab(source: 10, destination: 10, ntt: 3),
                    YamahaStyleBytes.ctab(source: 11, destination: 11, ntt: 2),
                    YamahaStyleBytes.chunk("Cntt", [10, 0x81]),
                    YamahaStyleBytes.chunk("Cntt", [5, 0x02]),
                    YamahaStyleBytes.chunk("Xtra", [1, 2, 3]),
                ])
        ])
        let casm = try YamahaCASM.decode(bytes, 8..<bytes.count)
        #expect(casm.segments.count == 1)
        #expect(casm.segments[0].sectionNames == ["Main A", "Fill In AA"])
        let bass = try #require(casm.segment(forSection: "Fill In AA")?.table(forSourceChannel: 10))
        #expect(bass.noteTable?.table == .melody)
        #expect(bass.noteTable?.bassOn == true)
        #expect(casm.segment(forSection: "Main B") == nil)
        #expect(casm.notes.count == 2)  // Cntt for a channel without table, unknown chunk
    }

    @Test func truncatedCASMNamesTheByte() {
        var bytes = YamahaStyleBytes.casm([YamahaStyleBytes.cseg(["Main A"], [YamahaStyleBytes.ctab(source: 8, destination: 8)])])
        bytes.removeLast(5)
        #expect {
            try YamahaCASM.decode(bytes, 8..<bytes.count)
        } throws: { error in
            let message = (error as? YamahaFormatProblem)?.message ?? ""
            return message.contains("truncated at byte \(bytes.count)") && message.contains("CSEG")
        }
    }
}
