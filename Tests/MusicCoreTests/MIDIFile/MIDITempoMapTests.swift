import Testing
@testable import MusicCore

@Suite struct MIDITempoMapTests {
    @Test func defaultsTo120BPM() {
        let map = MIDITempoMap(ticksPerQuarter: 480, tempos: [])
        #expect(map.seconds(atTick: 480) == 0.5)
        #expect(map.microseconds(atTick: 1) == 500_000.0 / 480)
        #expect(map.tempo(atTick: 99999) == MIDITempoMap.defaultTempo)
    }

    @Test func followsTempoChanges() {
        let map = MIDITempoMap(ticksPerQuarter: 960, tempos: [
            (tick: 1920, tempo: Tempo(bpm: 60)!),
            (tick: 0, tempo: Tempo(bpm: 120)!),
            (tick: 3840, tempo: Tempo(bpm: 240)!),
        ])
        // two quarters at 120 (1 s), two at 60 (2 s), then 0.25 s per quarter.
        #expect(map.seconds(atTick: 1920) == 1.0)
        #expect(map.seconds(atTick: 2880) == 2.0)
        #expect(map.seconds(atTick: 3840) == 3.0)
        #expect(map.seconds(atTick: 3840 + 960 * 4) == 4.0)
        #expect(map.tempo(atTick: 1919) == Tempo(bpm: 120))
        #expect(map.tempo(atTick: 1920) == Tempo(bpm: 60))
        for tick in stride(from: 0, through: 10_000, by: 37) {
            #expect(map.tick(atMicroseconds: map.microseconds(atTick: tick)) == tick)
        }
    }

    @Test func lastTempoAtATickWins() {
        let map = MIDITempoMap(ticksPerQuarter: 100, tempos: [(tick: 0, tempo: Tempo(bpm: 30)!), (tick: 0, tempo: Tempo(bpm: 60)!)])
        #expect(map.changes.count == 1)
        #expect(map.seconds(atTick: 100) == 1.0)
    }

    @Test func staysExactOverLongFiles() {
        // 7 us per tick would drift if each segment were rounded; exact arithmetic does not.
        let map = MIDITempoMap(ticksPerQuarter: 3, tempos: (0..<1000).map { (tick: $0 * 7, tempo: Tempo(microsecondsPerQuarter: 500_000 + $0 % 2)!) })
        let expected = (0..<1000).reduce(0) { $0 + 7 * (500_000 + $1 % 2) }
        #expect(map.microseconds(atTick: 7000) == Double(expected) / 3)
    }

    @Test func readsTheTempoEventsOfAFile() throws {
        let conductor = MIDITrack(events: [
            TimedMIDIEvent(tick: 0, MIDIMetaEvent.tempo(Tempo(bpm: 100)!)),
            TimedMIDIEvent(tick: 960, MIDIMetaEvent.tempo(Tempo(bpm: 50)!)),
        ])
        let file = try MIDIFile.read(MIDIFile(ticksPerQuarter: 480, tracks: [conductor, MIDITrack()]).write())
        #expect(file.tempoMap.seconds(atTick: 960) == 1.2)
        #expect(file.tempoMap.seconds(atTick: 1440) == 2.4)
    }
}
