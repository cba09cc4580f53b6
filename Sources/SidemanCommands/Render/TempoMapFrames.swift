import MusicCore

/// Ticks to frames through tempo changes, exactly: time is summed in 1/(1e6 × PPQ) samples,
/// a unit every tempo shares, so a change lands where the engine's clock puts it.
struct TempoMapFrames {
    let tempos: [(tick: Tick, tempo: Tempo)]
    let sampleRate: Int
    let unit = 1_000_000 * PPQ.standard

    func frame(atTick tick: Tick) -> Int {
        var time: Int128 = 0  // in `unit`ths of a sample (wide: a long ramp at a slow tempo overflows 64 bits)
        for (i, t) in tempos.enumerated() {
            let next = i + 1 < tempos.count ? tempos[i + 1].tick : Int.max
            let until = min(tick, next)
            guard until > t.tick else { break }
            time += Int128(until - t.tick) * Int128(t.tempo.microsecondsPerQuarter) * Int128(sampleRate)
            if tick <= next { break }
        }
        return Int((time + Int128(unit) - 1) / Int128(unit))
    }
}
