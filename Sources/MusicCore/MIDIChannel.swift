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
