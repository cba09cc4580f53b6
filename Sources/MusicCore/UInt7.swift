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
