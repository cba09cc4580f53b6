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
