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
