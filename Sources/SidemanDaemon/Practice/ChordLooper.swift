import MusicCore

/// The chord looper's recorder: the left hand's chords over `bars` bars, snapped to the beat
/// grid, become a chart. Time is passed in (seconds on any monotonic clock) with the band's
/// bar lines, so that it is tested with a virtual clock. A chord is placed on the nearest
/// beat, so one played just before a bar line counts in the next bar; the chord sounding when
/// recording starts fills the first beats.
struct ChordLooper: Sendable {
    let slot: Int
    let bars: Int
    let meter: Meter
    /// Bar lines seen since recording was asked for; the first starts the recording.
    private(set) var barTimes: [Double] = []
    private(set) var chords: [(time: Double, chord: Chord?)] = []
    /// The chord sounding before the first bar line.
    private(set) var sounding: Chord?

    init(slot: Int, bars: Int, meter: Meter, sounding: Chord?) {
        self.slot = slot
        self.bars = bars
        self.meter = meter
        self.sounding = sounding
    }

    /// All bars recorded (the bar line after the last one has passed).
    var isComplete: Bool { barTimes.count > bars }
    var isRecording: Bool { !barTimes.isEmpty && !isComplete }

    mutating func barLine(at time: Double) {
        guard !isComplete else { return }
        barTimes.append(time)
    }

    mutating func chord(_ chord: Chord?, at time: Double) {
        if barTimes.isEmpty {
            sounding = chord
        } else if !isComplete {
            chords.append((time, chord))
        }
    }

    /// The chord on each beat of the recording, snapped: beats × bars values.
    func beats() -> [Chord?] {
        let perBar = meter.beatsPerBar
        var grid = [Chord??](repeating: nil, count: bars * perBar)
        for (time, chord) in chords {
            // Position in beats from the first bar line, with the beat length of its bar.
            var k = 0
            while k + 2 < barTimes.count, barTimes[k + 1] <= time { k += 1 }
            let length = k + 1 < barTimes.count ? barTimes[k + 1] - barTimes[k] : (barTimes.count > 1 ? barTimes[1] - barTimes[0] : 2)
            let beat = Double(k * perBar) + (time - barTimes[k]) / length * Double(perBar)
            let snapped = Int(beat.rounded())
            guard snapped < grid.count else { continue }
            grid[max(0, snapped)] = .some(chord)  // a later chord on one beat wins
        }
        var result: [Chord?] = []
        var current = sounding
        for slot in grid {
            if let c = slot { current = c }
            result.append(current)
        }
        return result
    }

    /// The recording as a chart: per bar one chord, two (on the half bar) or one per beat.
    func chart(title: String) -> ChordChart {
        let perBar = meter.beatsPerBar
        let grid = beats()
        var written: [[ChartChord]] = []
        for b in 0..<bars {
            let beats = Array(grid[(b * perBar)..<((b + 1) * perBar)])
            let symbols = beats.map { ChartChord(ChordSymbol($0)) }
            if Set(beats.map { $0 }).count == 1 {
                written.append([symbols[0]])
            } else if perBar % 2 == 0, beats[..<(perBar / 2)].allSatisfy({ $0 == beats[0] }),
                beats[(perBar / 2)...].allSatisfy({ $0 == beats[perBar / 2] })
            {
                written.append([symbols[0], symbols[perBar / 2]])
            } else {
                written.append(symbols)
            }
        }
        return ChordChart(title: title, meter: meter, bars: written, header: ["Title": title])
    }
}
