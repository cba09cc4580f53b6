import MusicCore

/// Converts between audio frames (the engine's one clock) and musical ticks, through tempo
/// changes, with exact integer arithmetic so that a long render does not drift.
public struct FrameTime: Sendable {
    public struct Segment: Sendable {
        public var frame: Int
        public var tick: Tick
        public var tempo: Tempo
    }

    public let sampleRate: Int
    public let ticksPerQuarter: Int
    public private(set) var segments: [Segment]

    public init(tempo: Tempo, sampleRate: Int, ticksPerQuarter: Int = PPQ.standard) {
        self.sampleRate = sampleRate
        self.ticksPerQuarter = ticksPerQuarter
        segments = [Segment(frame: 0, tick: 0, tempo: tempo)]
    }

    public var initialTempo: Tempo { segments[0].tempo }

    /// The tempo becomes `tempo` at `frame` (not before the last change).
    public mutating func changeTempo(to tempo: Tempo, atFrame frame: Int) {
        let frame = max(frame, segments[segments.count - 1].frame)
        let tick = self.tick(atFrame: frame)
        if segments[segments.count - 1].frame == frame {
            segments[segments.count - 1] = Segment(frame: frame, tick: segments[segments.count - 1].tick, tempo: tempo)
        } else {
            segments.append(Segment(frame: frame, tick: tick, tempo: tempo))
        }
    }

    /// The tick sounding at a frame, rounded to the nearest tick.
    public func tick(atFrame frame: Int) -> Tick {
        let s = segments.last { $0.frame <= frame } ?? segments[0]
        let numerator = (frame - s.frame) * 1_000_000 * ticksPerQuarter
        let denominator = s.tempo.microsecondsPerQuarter * sampleRate
        return s.tick + (numerator + denominator / 2) / denominator
    }

    /// The first frame at or after a tick.
    public func frame(atTick tick: Tick) -> Int {
        let s = segments.last { $0.tick <= tick } ?? segments[0]
        let numerator = (tick - s.tick) * s.tempo.microsecondsPerQuarter * sampleRate
        let denominator = 1_000_000 * ticksPerQuarter
        return s.frame + (numerator + denominator - 1) / denominator
    }

    /// Tempo changes as ticks, for the MIDI file.
    public var tempoChanges: [(tick: Tick, tempo: Tempo)] { segments.map { ($0.tick, $0.tempo) } }
}
