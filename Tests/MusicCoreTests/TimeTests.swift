import Testing
@testable import MusicCore

@Suite struct TimeTests {
    @Test func metersParseAndMeasure() {
        #expect(Meter("4/4") == .fourFour && Meter("4 4") == .fourFour && Meter(" 3 / 4 ") == .threeFour)
        #expect(Meter("6/8") == .sixEight && Meter("12/8") == .twelveEight)
        for bad in ["", "4", "4/3", "0/4", "33/4", "4/4/4", "a/b", "4/64"] { #expect(Meter(bad) == nil, "\(bad)") }
        #expect(Meter.fourFour.ticksPerBar() == 7680)
        #expect(Meter.sixEight.ticksPerBeat() == 960 && Meter.sixEight.ticksPerBar() == 5760)
        #expect(Meter.threeFour.ticksPerBar(ppq: 480) == 1440)
        #expect(Meter(beatsPerBar: 5, beatUnit: 4)!.description == "5/4")
        #expect(Meter.sixEight.isCompound && Meter.twelveEight.isCompound && Meter(beatsPerBar: 9, beatUnit: 8)!.isCompound)
        #expect(!Meter.fourFour.isCompound && !Meter(beatsPerBar: 3, beatUnit: 8)!.isCompound)
    }

    @Test func tempoKeepsMicrosecondsExactly() {
        #expect(Tempo(bpm: 120)!.microsecondsPerQuarter == 500_000)
        #expect(Tempo(bpm: 60)!.bpm == 60)
        #expect(Tempo(bpm: 19.9) == nil && Tempo(bpm: 400.1) == nil && Tempo(bpm: .nan) == nil && Tempo(bpm: .infinity) == nil)
        #expect(Tempo(microsecondsPerQuarter: 0) == nil && Tempo(microsecondsPerQuarter: 0x100_0000) == nil)
        #expect(Tempo(microsecondsPerQuarter: 0xFF_FFFF) != nil)
        for bpm in stride(from: 20.0, through: 400.0, by: 0.5) {
            let tempo = Tempo(bpm: bpm)!
            // Rounded to the nearest microsecond, as a file stores it.
            #expect(abs(Double(tempo.microsecondsPerQuarter) - 60_000_000 / bpm) <= 0.5, "\(bpm)")
        }
        #expect(Tempo(bpm: 120)!.description == "120 BPM")
        #expect(Tempo(bpm: 92.5)!.description == "92.5 BPM")
        #expect(Tempo(bpm: 99.96)!.description == "100 BPM")
    }

    @Test func samplesPerTickIsExact() {
        // 120 BPM at 48 kHz, 1920 PPQ: 24000 samples per quarter, 12.5 per tick.
        let r = Tempo(bpm: 120)!.samplesPerTick(sampleRate: 48_000)
        #expect(Double(r.numerator) / Double(r.denominator) == 12.5)
    }

    @Test func rescalingRoundsToNearest() {
        #expect(PPQ.rescale(96, from: 96, to: 96) == 96)
        #expect(PPQ.rescale(1920, from: 1920) == 1920)
        #expect(PPQ.rescale(96, from: 96, to: 1920) == 1920)
        #expect(PPQ.rescale(1, from: 480) == 4)
        #expect(PPQ.rescale(1, from: 3840) == 1)  // 0.5 rounds away from zero
        #expect(PPQ.rescale(-1, from: 3840) == -1)
        for tick in 0...2000 {
            #expect(PPQ.rescale(PPQ.rescale(tick, from: 480), from: 1920, to: 480) == tick)
        }
    }
}
