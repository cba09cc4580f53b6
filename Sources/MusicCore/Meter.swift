/// A time signature such as 4/4, 3/4, 6/8, 5/4, 12/8.
public struct Meter: Hashable, Sendable, CustomStringConvertible {
    public let beatsPerBar: Int
    public let beatUnit: Int

    /// Fails unless 1...32 beats of a power-of-two unit (1...32).
    public init?(beatsPerBar: Int, beatUnit: Int) {
        guard (1...32).contains(beatsPerBar), [1, 2, 4, 8, 16, 32].contains(beatUnit) else { return nil }
        self.beatsPerBar = beatsPerBar
        self.beatUnit = beatUnit
    }

    public static let fourFour = Meter(beatsPerBar: 4, beatUnit: 4)!
    public static let threeFour = Meter(beatsPerBar: 3, beatUnit: 4)!
    public static let sixEight = Meter(beatsPerBar: 6, beatUnit: 8)!
    public static let twelveEight = Meter(beatsPerBar: 12, beatUnit: 8)!

    /// Parses "4/4", "3/4", "6/8" or "4 4".
    public init?(_ text: some StringProtocol) {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == " " })
        guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        self.init(beatsPerBar: n, beatUnit: d)
    }

    public func ticksPerBeat(ppq: Int = PPQ.standard) -> Int { ppq * 4 / beatUnit }
    public func ticksPerBar(ppq: Int = PPQ.standard) -> Int { ticksPerBeat(ppq: ppq) * beatsPerBar }

    /// Compound meters (6/8, 9/8, 12/8) are felt in dotted quarters.
    public var isCompound: Bool { beatUnit == 8 && beatsPerBar % 3 == 0 && beatsPerBar > 3 }

    public var description: String { "\(beatsPerBar)/\(beatUnit)" }
}
