import MusicCore

/// Maps musical ticks onto audio frames with exact integer arithmetic. Samples per tick is
/// the rational `num/den` (reduced); `lead` is how far the next unplayed tick lies from
/// frame 0 of the current block, in 1/den samples. A tick falls on the first frame at or
/// after its exact time, so event frames do not depend on the block size and never drift.
struct SampleClock: Sendable {
    private(set) var num: Int
    private(set) var den: Int
    /// The next tick not yet played.
    private(set) var nextTick: Tick = 0
    /// Position of `nextTick` relative to frame 0 of the block, in 1/den samples; > -den.
    private(set) var lead: Int = 0

    init(tempo: Tempo, sampleRate: Int) {
        (num, den) = Self.reduced(tempo.samplesPerTick(sampleRate: sampleRate))
    }

    static func reduced(_ r: (numerator: Int, denominator: Int)) -> (Int, Int) {
        var a = r.numerator, b = r.denominator
        while b != 0 { (a, b) = (b, a % b) }
        return (r.numerator / a, r.denominator / a)
    }

    /// Restart at tick 0 on frame 0.
    mutating func reset() {
        nextTick = 0
        lead = 0
    }

    /// The lead of tick `t` (>= nextTick) in 1/den samples from frame 0.
    @inline(__always)
    func lead(of t: Tick) -> Int { lead + (t - nextTick) * num }

    /// The frame on which tick `t` sounds, if it falls in a block of `frames` frames.
    @inline(__always)
    func frame(of t: Tick, frames: Int) -> Int? {
        let l = lead(of: t)
        guard l <= (frames - 1) * den else { return nil }
        return l <= 0 ? 0 : (l + den - 1) / den
    }

    /// Ticks up to and including `t` have been played.
    mutating func played(through t: Tick) {
        guard t >= nextTick else { return }
        lead += (t + 1 - nextTick) * num
        nextTick = t + 1
    }

    /// The block of `frames` frames is over.
    mutating func endBlock(frames: Int) {
        lead -= frames * den
        if lead <= -den {
            let k = (-den - lead) / num + 1
            nextTick += k
            lead += k * num
        }
    }

    /// The tick at frame 0 of the next block (for position displays).
    var position: Tick { nextTick }

    /// New tempo from here on, keeping the musical position: the fraction of a tick still
    /// to go is rescaled to the new tick length.
    mutating func setTempo(_ tempo: Tempo, sampleRate: Int) {
        let (n, d) = Self.reduced(tempo.samplesPerTick(sampleRate: sampleRate))
        // Time still to go before the next tick, in ticks, is lead/num; in the new units
        // that is lead * n / num.
        if lead > 0 {
            let (hi, lo) = lead.multipliedFullWidth(by: n)
            lead = num.dividingFullWidth((hi, lo)).quotient
        } else {
            lead = lead * d / den
        }
        num = n
        den = d
    }
}
