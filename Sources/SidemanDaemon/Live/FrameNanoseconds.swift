/// Frames to nanoseconds without overflow: `frames × 10⁹` passes Int64's range after
/// 9.2 × 10⁹ frames (53 hours at 48 kHz), and the box stays on for weeks. Whole seconds and
/// the remainder are scaled apart, so the result is exact (truncated, as `frames × 10⁹ / rate`
/// would be) for any span up to 292 years.
enum FrameNanoseconds {
    @inline(__always)
    static func nanoseconds(frames: Int64, sampleRate: Int64) -> Int64 {
        let (seconds, rest) = frames.quotientAndRemainder(dividingBy: sampleRate)
        return seconds * 1_000_000_000 + rest * 1_000_000_000 / sampleRate
    }
}
