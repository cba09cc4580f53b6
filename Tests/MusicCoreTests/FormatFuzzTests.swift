import Testing
@testable import MusicCore

/// Random and damaged input never crashes a reader: it either reads or throws an error that
/// names the problem.
@Suite struct FormatFuzzTests {
    @Test func chordSymbolsNeverCrash() {
        let alphabet = Array("ABCDEFGHabcdmMijnosugdlt#b♭♯+-°øΔ^()/,. 0123456789123579111313")
        var rng = SplitMix64(seed: 3)
        var read = 0
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 10)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            do {
                let symbol = try ChordSymbol.parse(text)
                read += 1
                if let chord = symbol.chord {
                    // Whatever was read prints as a symbol that reads back to the same chord.
                    #expect(try ChordSymbol.parse(chord.symbol).chord == chord, "\(text)")
                }
            } catch {
                #expect(!error.reason.isEmpty)
                #expect(error.description.hasPrefix("unknown chord symbol"))
            }
        }
        #expect(read > 0)
        #expect(throws: ChordSymbolError.self) { try ChordSymbol.parse("C" + String(repeating: "9", count: 40)) }
    }

    @Test func chartsNeverCrash() {
        let pieces = ["C7", "F", "|", "|", " ", "\n", "%", "/", "NC", "Bars = 2", "TimeSig = 3 4", "Title = T", "Xq", "=", "#c", "Dm7b5"]
        var rng = SplitMix64(seed: 4)
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: rng.next() % 2 == 0 ? " " : "")
            do {
                let chart = try ChordChart.parse(text)
                #expect(!chart.bars.isEmpty)
                #expect(chart.changes(choruses: 2).count <= 2 * chart.bars.joined().count)
            } catch {
                #expect(error.line >= 1)
            }
        }
    }

    @Test func damagedMIDIFilesNeverCrash() throws {
        let track = MIDITrack(events: (0..<200).map { i in
            i % 10 == 0
                ? TimedMIDIEvent(tick: i * 10, MIDIMetaEvent.marker("M\(i)"))
                : TimedMIDIEvent(tick: i * 10, MIDIEvent.noteOn(channel: 3, note: UInt7(clamping: i % 128), velocity: UInt7(clamping: i % 2 * 90)))
        })
        let good = MIDIFile(format: .multiTrack, ticksPerQuarter: 480, tracks: [track, track], extraChunks: [MIDIChunk(id: "CASM", bytes: [0, 1])]).write(runningStatus: true)
        var rng = SplitMix64(seed: 5)
        var failures = 0
        for _ in 0..<3000 {
            var bytes = good
            for _ in 0..<Int(rng.next() % 4 + 1) {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
            if rng.next() % 4 == 0 { bytes.removeLast(Int(rng.next() % UInt64(bytes.count))) }
            do {
                _ = try MIDIFile.read(bytes)
            } catch {
                failures += 1
                #expect(error.offset >= 0 && error.offset <= bytes.count)
            }
        }
        #expect(failures > 0)
    }
}
