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
