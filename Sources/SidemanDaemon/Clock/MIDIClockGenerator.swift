import Arranger
import MusicCore

/// MIDI clock for the `out` port, derived from the band's musical position rather than a
/// timer: 24 pulses per quarter note on the ticks the band's notes are placed on, Start just
/// before the first pulse of a run (the band always starts at its beginning, so Start — which
/// means "from song position 0" — is the right message, never Continue), Stop when the band
/// stops. Pure and allocation-free: the audio thread calls it once per block.
public struct MIDIClockGenerator: Sendable {
    /// Ticks between pulses: PPQ / 24.
    public static let pulseInterval: Tick = PPQ.standard / 24

    var wasRunning = false
    var lastPulse: Tick = -1

    public init() {}

    /// After `engine.advance(frames:)`: the transport messages and pulses of that block, with
    /// their frames within it.
    public mutating func block(frames: Int, engine: ArrangerEngine, emit: (MIDIEvent, Int) -> Void) {
        let running = engine.status.isRunning
        if wasRunning && (!running || engine.transportTick <= lastPulse) {
            // Stopped, or stopped and started again within one block.
            emit(.stop, 0)
            wasRunning = false
            lastPulse = -1
        }
        guard running else { return }
        engine.forEachTick(multipleOf: Self.pulseInterval, inBlockJustPlayed: frames) { tick, frame in
            guard tick > lastPulse else { return }
            if !wasRunning {
                emit(.start, frame)
                wasRunning = true
            }
            emit(.clock, frame)
            lastPulse = tick
        }
    }
}
