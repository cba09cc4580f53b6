import MusicCore

/// Figures for the text and file formats of the music core: Standard MIDI File encode and
/// decode, chord-symbol parsing, chart reading.
enum CoreFormatsBenchmark {
    static func run() {
        let clock = ContinuousClock()

        // A synthetic 16-track file: 100k note events with controllers and metas sprinkled in.
        var tracks: [MIDITrack] = []
        for t in 0..<16 {
            var events: [TimedMIDIEvent] = [TimedMIDIEvent(tick: 0, MIDIMetaEvent.trackName("Track \(t)"))]
            let channel = MIDIChannel(t)!
            for i in 0..<3125 {
                let tick = i * 240
                let note = UInt7(clamping: 36 + (i * 7 + t) % 60)
                events.append(TimedMIDIEvent(tick: tick, MIDIEvent.noteOn(channel: channel, note: note, velocity: 100)))
                events.append(TimedMIDIEvent(tick: tick + 200, MIDIEvent.noteOn(channel: channel, note: note, velocity: 0)))
                if i % 16 == 0 {
                    events.append(TimedMIDIEvent(tick: tick, MIDIEvent.controlChange(channel: channel, controller: 11, value: UInt7(clamping: i % 128))))
                }
            }
            tracks.append(MIDITrack(events: events))
        }
        let file = MIDIFile(format: .multiTrack, ticksPerQuarter: 1920, tracks: tracks)
        let eventCount = tracks.reduce(0) { $0 + $1.events.count }

        var bytes: [UInt8] = []
        let writeTime = clock.measure {
            for _ in 0..<5 { bytes = file.write(runningStatus: true) }
        }
        var decoded: MIDIFile? = nil
        let readTime = clock.measure {
            for _ in 0..<5 { decoded = try? MIDIFile.read(bytes) }
        }
        let ok = decoded?.tracks.count == 16
        print("smf: \(eventCount) events, \(bytes.count) bytes; write \(rate(eventCount * 5, writeTime)) events/s, read \(rate(eventCount * 5, readTime)) events/s (\(rate(bytes.count * 5, readTime) / 1000) kB/s)\(ok ? "" : " READ FAILED")")

        // Chord symbols: every printed chord plus rich spellings.
        var symbols: [String] = []
        for root in PitchClass.allCases {
            for type in ChordType.allCases { symbols.append(Chord(root: root, type: type).symbol) }
            for suffix in ["13b9", "7#5#9", "m7(11)", "ø7", "Δ7", "7alt", "9sus", "6/9", "mM7", "°7"] {
                symbols.append(root.description + suffix)
            }
        }
        var parsed = 0
        let parseTime = clock.measure {
            for _ in 0..<20 {
                for s in symbols where (try? ChordSymbol.parse(s)) != nil { parsed += 1 }
            }
        }
        print("chord symbols: \(symbols.count) symbols x 20, \(parsed) parsed, \(rate(symbols.count * 20, parseTime)) symbols/s")

        // A 64-bar chart read and expanded to 10 choruses.
        let chart = String(repeating: " Cm7 F7 | BbM7 | EbM7 / Ab7 | Am7b5 D7b9 |\n", count: 16)
        var changeCount = 0
        let chartTime = clock.measure {
            for _ in 0..<100 {
                if let c = try? ChordChart.parse(chart) { changeCount = c.changes(choruses: 10).count }
            }
        }
        print("charts: 64 bars x 10 choruses = \(changeCount) changes; \(rate(100, chartTime)) charts/s read and expanded")

        // An iReal Pro song (a 32-bar AABA with repeats and endings) unscrambled, read and
        // written as a chart: what `sideman charts import` does per song.
        let music = IRealSong.unscramble(String(repeating: "{*AT44C^7 A-7 |D-7 G7 |E-7 A7 |N1D-7 G7 }|N2D-7 G7 |C6 ][*BF^7 |x |Bbh7 |E7b9 Z", count: 4))
        let song = IRealSong(title: "Bench", composer: "A B", style: "Medium Swing", key: "C", transpose: 0, music: music,
                             compStyle: "", bpm: 120, repeats: 3)
        var written = 0
        let importTime = clock.measure {
            for _ in 0..<200 { written = IRealImport(song).chart.text.count }
        }
        print("iReal import: \(song.music.count)-character chart to \(written) characters of text; \(rate(200, importTime)) songs/s")
    }

    private static func rate(_ count: Int, _ duration: Duration) -> Int {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds > 0 ? Int(Double(count) / seconds) : 0
    }
}
