/// Converts ticks to real time through the tempo changes of a MIDI file. Times are kept as
/// exact rationals internally (microseconds × ticks per quarter), so long files do not
/// drift; 120 BPM applies until the first tempo event, as the SMF specification says.
public struct MIDITempoMap: Hashable, Sendable {
    public struct Change: Hashable, Sendable {
        public let tick: Tick
        public let tempo: Tempo
        /// Microseconds from tick 0 to `tick`, times `ticksPerQuarter` (exact).
        let scaledMicroseconds: Int
    }

    public let ticksPerQuarter: Int
    /// Tempo changes in tick order, the first at tick 0.
    public let changes: [Change]

    public static let defaultTempo = Tempo(microsecondsPerQuarter: 500_000)!

    /// A map from tempo events; several at one tick: the last one wins.
    /// - Precondition: `ticksPerQuarter` > 0.
    public init(ticksPerQuarter: Int, tempos: [(tick: Tick, tempo: Tempo)]) {
        precondition(ticksPerQuarter > 0, "ticks per quarter must be positive")
        self.ticksPerQuarter = ticksPerQuarter
        let sorted = tempos.enumerated().sorted { a, b in
            a.element.tick != b.element.tick ? a.element.tick < b.element.tick : a.offset < b.offset
        }.map(\.element)
        var changes = [Change(tick: 0, tempo: Self.defaultTempo, scaledMicroseconds: 0)]
        for (tick, tempo) in sorted {
            let tick = max(0, tick)
            let last = changes[changes.count - 1]
            if tick == last.tick {
                changes[changes.count - 1] = Change(tick: tick, tempo: tempo, scaledMicroseconds: last.scaledMicroseconds)
            } else {
                let scaled = last.scaledMicroseconds + (tick - last.tick) * last.tempo.microsecondsPerQuarter
                changes.append(Change(tick: tick, tempo: tempo, scaledMicroseconds: scaled))
            }
        }
        self.changes = changes
    }

    /// The tempo events of every track of the file.
    public init(file: MIDIFile) {
        var tempos: [(tick: Tick, tempo: Tempo)] = []
        for (_, e) in file.mergedEvents {
            if case .meta(.tempo(let t)) = e.event { tempos.append((e.tick, t)) }
        }
        self.init(ticksPerQuarter: file.ticksPerQuarter, tempos: tempos)
    }

    private func changeIndex(atTick tick: Tick) -> Int {
        // Binary search: the last change at or before `tick`.
        var low = 0, high = changes.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if changes[mid].tick <= tick { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The tempo in force at a tick.
    public func tempo(atTick tick: Tick) -> Tempo { changes[changeIndex(atTick: tick)].tempo }

    /// Microseconds from tick 0, exact up to the final division (negative ticks count back
    /// at the initial tempo).
    public func microseconds(atTick tick: Tick) -> Double {
        let c = changes[changeIndex(atTick: tick)]
        let scaled = c.scaledMicroseconds + (tick - c.tick) * c.tempo.microsecondsPerQuarter
        return Double(scaled) / Double(ticksPerQuarter)
    }

    /// Seconds from tick 0.
    public func seconds(atTick tick: Tick) -> Double { microseconds(atTick: tick) / 1_000_000 }

    /// The tick sounding at a time in microseconds (rounded down), the inverse of
    /// `microseconds(atTick:)`.
    public func tick(atMicroseconds us: Double) -> Tick {
        let scaled = us * Double(ticksPerQuarter)
        var low = 0, high = changes.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Double(changes[mid].scaledMicroseconds) <= scaled { low = mid } else { high = mid - 1 }
        }
        let c = changes[low]
        let ticks = (scaled - Double(c.scaledMicroseconds)) / Double(c.tempo.microsecondsPerQuarter)
        // A hair of slack so that a time computed from a tick maps back to that tick.
        return c.tick + Int((ticks + 1e-9).rounded(.down))
    }
}
