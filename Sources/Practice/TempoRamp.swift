import MusicCore

/// The tempo moving from `from` toward `to` by `step` BPM each pass (each chorus, or each
/// loop when looping), then staying at `to`: "100:160:+10".
public struct TempoRamp: Hashable, Sendable {
    public var from: Double
    public var to: Double
    public var step: Double

    public init?(from: Double, to: Double, step: Double) {
        guard Tempo(bpm: from) != nil, Tempo(bpm: to) != nil, step.isFinite, step != 0,
            (to - from).sign == step.sign || to == from
        else { return nil }
        self.from = from
        self.to = to
        self.step = step
    }

    /// Reads "A:B:+N" (BPM; N may be negative for a slowing ramp, "A:B" steps by 5).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let a = Double(parts[0]), let b = Double(parts[1]) else { return nil }
        var step = b >= a ? 5.0 : -5.0
        if parts.count == 3 {
            let s = parts[2].hasPrefix("+") ? parts[2].dropFirst() : parts[2]
            guard let n = Double(s) else { return nil }
            step = n
        }
        self.init(from: a, to: b, step: step)
    }

    /// The tempo of pass `pass` (0-based).
    public func bpm(pass: Int) -> Double {
        let value = from + step * Double(pass)
        return step > 0 ? min(value, to) : max(value, to)
    }
}
