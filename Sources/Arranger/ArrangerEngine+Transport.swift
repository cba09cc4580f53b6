import MusicCore

extension ArrangerEngine {
    /// The musical position at frame 0 of the next block: ticks since the band started.
    public var transportTick: Tick { clock.position }

    /// Calls `body(tick, frame)` for every tick of the block just played (by the last
    /// `advance(frames:)`, `frames` long) that is a multiple of `interval`, in order, with the
    /// frame it fell on — the grid MIDI clock is sent on (`interval` = PPQ / 24). Nothing when
    /// the band is not running. Exact: the same integer clock that places the band's notes.
    public func forEachTick(multipleOf interval: Tick, inBlockJustPlayed frames: Int, _ body: (Tick, Int) -> Void) {
        guard running, interval > 0, frames > 0 else { return }
        let num = clock.num, den = clock.den, next = clock.nextTick
        // The lead of `next` measured from frame 0 of the block just played.
        let base = clock.lead + frames * den
        guard base + den > 0 else { return }
        // Ticks of the block: those before `next` whose lead is above -den.
        let first = max(0, next - (base + den - 1) / num)
        var t = (first + interval - 1) / interval * interval
        while t < next {
            let lead = base + (t - next) * num
            let frame = lead <= 0 ? 0 : (lead + den - 1) / den
            if frame < frames { body(t, frame) }
            t += interval
        }
    }
}
