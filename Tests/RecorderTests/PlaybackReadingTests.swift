import Testing

@testable import Recorder

/// The band's position from readings of its playback stream, against a model of FluidSynth's
/// ALSA driver (render a period, write it in parts as the card makes room, call back again) on
/// a card whose position moves a timer tick at a time, as the loopback card's does.
@Suite("Playback readings: the band frame leaving the card") struct PlaybackReadingTests {
    let rate = 48_000

    struct Reading {
        var now: Int64
        var written: Int64
        var rendered: Int64
        var appl: Int64
        var hw: Int64
    }

    /// Readings every 20 ms (at odd phases) of a card started at `start`: 512-frame periods,
    /// 8 in the buffer, a 4 ms tick (192 frames), rendering a period taking 3 ms (a slow,
    /// emulated machine: the card often makes room while it renders, so part of a period is
    /// written at once and the rest waits).
    func readings(start: Int64, seconds: Int) -> [Reading] {
        let period: Int64 = 512, buffer: Int64 = 4096, tick: Int64 = 4_000_000, perTick: Int64 = 192
        let render: Int64 = 3_000_000
        func hw(_ t: Int64) -> Int64 { t < start ? 0 : (t - start) / tick * perTick }
        // The driver's timeline: (time, written at the last callback's start, rendered, appl).
        var events: [(Int64, Int64, Int64, Int64)] = []
        var t = start, rendered: Int64 = 0, appl: Int64 = 0
        while t < start + Int64(seconds) * 1_000_000_000 {
            let written = rendered
            events.append((t, written, rendered, appl))
            t += render
            rendered += period
            events.append((t, written, rendered, appl))
            var remaining = period
            while remaining > 0 {
                let room = hw(t) + buffer - appl
                if room > 0 {
                    let n = min(remaining, room)
                    appl += n
                    remaining -= n
                    events.append((t, written, rendered, appl))
                } else {
                    // Woken at the tick that makes room for the rest (or a period of it).
                    let need = min(remaining, period)
                    var next = t
                    while hw(next) + buffer - appl < need { next = (next - start) / tick * tick + start + tick }
                    t = next + 50_000
                }
            }
        }
        var out: [Reading] = []
        var i = 0
        var now = start + 3_000_000
        while now < t {
            while i + 1 < events.count && events[i + 1].0 <= now { i += 1 }
            let e = events[i]
            out.append(Reading(now: now + 20_000, written: e.1, rendered: e.2, appl: e.3, hw: hw(now)))
            now += 20_000_000 + 317_000
        }
        return out
    }

    @Test func theFrameLeavingTheCardFromWhatWasHandedOver() {
        let start: Int64 = 7_000_000_000
        var line = ClockLine(sampleRate: rate)
        var partly = 0
        for r in readings(start: start, seconds: 4) {
            let frame = PlaybackReading.bandFrame(written: r.written, applPtr: r.appl, hwPtr: r.hw)
            // Never ahead of the frame that really left by then.
            #expect(frame <= ClockLine.frames(nanoseconds: r.now - start, rate: rate))
            line.observe(nanoseconds: r.now, frame: frame)
            if r.appl > r.written && r.appl < r.rendered { partly += 1 }
        }
        let now = start + 4_000_000_000
        let estimate = line.frameZero(now: now)!
        #expect(abs(estimate - start) < 300_000, "off by \(Double(estimate - start) / 1e6) ms")
        // Part periods were written, and readings fell while the card held one.
        #expect(partly > 0)
    }
}
