/// Musical time in integer ticks; never float beats. Sideman's own resolution is 1920 per
/// quarter note (as most Yamaha styles use); other resolutions are rescaled on import.
public typealias Tick = Int

public enum PPQ {
    /// Ticks per quarter note inside Sideman.
    public static let standard: Int = 1920

    /// Rescales a tick count from one resolution to another, rounding to nearest.
    public static func rescale(_ tick: Int, from source: Int, to target: Int = standard) -> Int {
        if source == target { return tick }
        return (tick * target + (tick >= 0 ? source / 2 : -source / 2)) / source
    }
}

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

/// Tempo in beats per minute of a quarter note, kept as microseconds per quarter (the SMF
/// unit) so that tempo maps round-trip exactly.
public struct Tempo: Hashable, Sendable, CustomStringConvertible {
    public let microsecondsPerQuarter: Int

    public static let range: ClosedRange<Double> = 20...400

    /// Fails outside 20...400 BPM.
    public init?(bpm: Double) {
        guard bpm.isFinite, Self.range.contains(bpm) else { return nil }
        self.microsecondsPerQuarter = Int((60_000_000 / bpm).rounded())
    }

    /// Fails for values a SMF cannot hold (0 or more than 24 bits).
    public init?(microsecondsPerQuarter: Int) {
        guard microsecondsPerQuarter > 0, microsecondsPerQuarter <= 0xFF_FFFF else { return nil }
        self.microsecondsPerQuarter = microsecondsPerQuarter
    }

    public var bpm: Double { 60_000_000 / Double(microsecondsPerQuarter) }

    /// Audio samples per tick at a sample rate, as an exact rational (numerator/denominator)
    /// so a clock can accumulate without drift.
    public func samplesPerTick(sampleRate: Int, ppq: Int = PPQ.standard) -> (numerator: Int, denominator: Int) {
        (microsecondsPerQuarter * sampleRate, 1_000_000 * ppq)
    }

    public var description: String {
        let b = bpm
        let tenths = Int((b * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10) BPM" : "\(tenths / 10).\(tenths % 10) BPM"
    }
}
