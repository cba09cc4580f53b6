import MusicCore

/// One source channel's entry in a CASM segment: a `Ctab` (SFF1) or `Ctb2` (SFF2) as written,
/// decoded field by field. `rules` turns it into Sideman's `TranspositionRules`.
public struct YamahaChannelTable: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable { case sff1 = "Ctab", sff2 = "Ctb2" }

    /// The rules of one note range. SFF1 has one; SFF2 has three (low, main, high).
    public struct RangeRules: Hashable, Sendable {
        /// 0 root trans, 1 root fixed, 2 guitar (SFF2).
        public var ntr: UInt8
        /// Table number (meaning depends on the format and NTR); bit 7 is "bass on" (SFF2).
        public var ntt: UInt8
        public var highKey: UInt8
        public var lowLimit: UInt8
        public var highLimit: UInt8
        public var retrigger: UInt8
    }

    public var format: Format
    /// 0-based source channel (the MIDI channel the notes are written on).
    public var sourceChannel: Int
    public var name: String
    /// 0-based destination channel; 8...15 are the eight parts.
    public var destinationChannel: Int
    public var editable: Bool
    /// Bit n = pitch class n (C = bit 0).
    public var rootMask: UInt16
    /// Bit n = chord type code n (Maj = bit 0 ... 1+2+5 = bit 33); bit 34 = plays with no chord.
    public var typeMask: UInt64
    public var sourceRoot: UInt8
    public var sourceChordType: UInt8
    /// SFF2 only: the notes the main block applies to (the low and high blocks take the rest).
    public var middleRange: ClosedRange<UInt8>?
    /// SFF1: the one block. SFF2: the main (middle) block, the one Sideman plays by.
    public var main: RangeRules
    /// SFF2 only: the low and high blocks, kept for inspection.
    public var low: RangeRules?
    public var high: RangeRules?

    /// Ctab: 27 bytes (31 with the special-feature bytes). Ctb2: 47 bytes (the last 7 undocumented).
    static let ctabMinimumLength = 26
    static let ctb2MinimumLength = 40

    /// Decodes a Ctab (SFF1) payload.
    init(ctab bytes: ArraySlice<UInt8>) throws(YamahaFormatProblem) {
        guard bytes.count >= Self.ctabMinimumLength else {
            throw YamahaFormatProblem("Ctab is \(bytes.count) bytes, needs at least \(Self.ctabMinimumLength)")
        }
        let b = Array(bytes)
        try self.init(common: b, format: .sff1)
        main = Self.rangeRules(b, at: 20)
    }

    /// Decodes a Ctb2 (SFF2) payload.
    init(ctb2 bytes: ArraySlice<UInt8>) throws(YamahaFormatProblem) {
        guard bytes.count >= Self.ctb2MinimumLength else {
            throw YamahaFormatProblem("Ctb2 is \(bytes.count) bytes, needs at least \(Self.ctb2MinimumLength)")
        }
        let b = Array(bytes)
        try self.init(common: b, format: .sff2)
        let lowNote = b[20] & 0x7F, highNote = b[21] & 0x7F
        middleRange = min(lowNote, highNote)...max(lowNote, highNote)
        low = Self.rangeRules(b, at: 22)
        main = Self.rangeRules(b, at: 28)
        high = Self.rangeRules(b, at: 34)
    }

    private init(common b: [UInt8], format: Format) throws(YamahaFormatProblem) {
        self.format = format
        sourceChannel = Int(b[0])
        guard sourceChannel < 16 else { throw YamahaFormatProblem("\(format.rawValue) source channel \(b[0]) is not 0...15") }
        let nameBytes = b[1..<9].map { (0x20...0x7E).contains($0) ? $0 : 0x20 }
        name = String(decoding: nameBytes, as: UTF8.self).trimmingCharacters(in: " ")
        destinationChannel = Int(b[9])
        editable = b[10] != 0
        rootMask = (UInt16(b[11]) << 8 | UInt16(b[12])) & 0x0FFF
        let types = b[13..<18].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        typeMask = types & ((1 << 35) - 1)
        sourceRoot = b[18]
        sourceChordType = b[19]
        middleRange = nil
        main = RangeRules(ntr: 1, ntt: 0, highKey: 6, lowLimit: 0, highLimit: 127, retrigger: 1)
        low = nil
        high = nil
    }

    private static func rangeRules(_ b: [UInt8], at i: Int) -> RangeRules {
        RangeRules(ntr: b[i], ntt: b[i + 1], highKey: b[i + 2], lowLimit: b[i + 3], highLimit: b[i + 4], retrigger: b[i + 5])
    }

    /// A Cntt entry replaces the main block's NTT (numbered as the table's own format).
    mutating func overrideNTT(_ value: UInt8) { main.ntt = value }

    /// The part this channel plays in, or nil when the destination is not one of 8...15.
    public var part: PartID? { PartID(rawValue: destinationChannel) }

    /// The source chord as written; nil when the root or type byte is out of range.
    public var sourceChord: Chord? {
        guard sourceRoot < 12, let type = ChordType(rawValue: Int(sourceChordType)) else { return nil }
        return Chord(root: PitchClass(wrapping: Int(sourceRoot)), type: type)
    }
}
