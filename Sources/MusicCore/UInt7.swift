/// A MIDI data byte: 0...127. Bounded by construction so that a note, velocity or
/// controller value can never leave the range the wire format allows.
public struct UInt7: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    public let rawValue: UInt8

    public static let min = UInt7(unchecked: 0)
    public static let max = UInt7(unchecked: 127)

    /// Fails for values outside 0...127.
    public init?(rawValue: UInt8) {
        guard rawValue <= 127 else { return nil }
        self.rawValue = rawValue
    }

    /// Fails for values outside 0...127.
    public init?(_ value: Int) {
        guard (0...127).contains(value) else { return nil }
        self.rawValue = UInt8(value)
    }

    /// Clamps any integer into 0...127.
    public init(clamping value: Int) {
        self.rawValue = UInt8(Swift.min(127, Swift.max(0, value)))
    }

    @inline(__always)
    init(unchecked value: UInt8) { self.rawValue = value }

    public init(integerLiteral value: UInt8) {
        precondition(value <= 127, "UInt7 literal out of range: \(value)")
        self.rawValue = value
    }

    public var intValue: Int { Int(rawValue) }
    public var description: String { String(rawValue) }
    public static func < (a: UInt7, b: UInt7) -> Bool { a.rawValue < b.rawValue }
}

/// A 14-bit MIDI value (pitch bend, 0...16383, centre 8192).
public struct UInt14: RawRepresentable, Hashable, Sendable {
    public let rawValue: UInt16
    public static let center = UInt14(unchecked: 8192)
    public init?(rawValue: UInt16) {
        guard rawValue <= 16383 else { return nil }
        self.rawValue = rawValue
    }
    public init(clamping value: Int) { self.rawValue = UInt16(Swift.min(16383, Swift.max(0, value))) }
    init(unchecked value: UInt16) { self.rawValue = value }
    public var lsb: UInt8 { UInt8(rawValue & 0x7F) }
    public var msb: UInt8 { UInt8(rawValue >> 7) }
    public init(lsb: UInt8, msb: UInt8) { self.rawValue = UInt16(msb & 0x7F) << 7 | UInt16(lsb & 0x7F) }
}

/// A MIDI channel, 0...15 on the wire (printed 1...16 to people).
public struct MIDIChannel: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    public let rawValue: UInt8
    public init?(rawValue: UInt8) {
        guard rawValue <= 15 else { return nil }
        self.rawValue = rawValue
    }
    public init?(_ value: Int) {
        guard (0...15).contains(value) else { return nil }
        self.rawValue = UInt8(value)
    }
    public init(integerLiteral value: UInt8) {
        precondition(value <= 15, "MIDIChannel literal out of range: \(value)")
        self.rawValue = value
    }
    public static let all: [MIDIChannel] = (0...15).map { MIDIChannel(integerLiteral: $0) }
    public var intValue: Int { Int(rawValue) }
    /// One-based, as musicians and Yamaha's manuals count channels.
    public var description: String { String(rawValue + 1) }
    public static func < (a: MIDIChannel, b: MIDIChannel) -> Bool { a.rawValue < b.rawValue }
}
