import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

@Suite struct MIDIClockGeneratorTests {
    /// Runs an engine at 120 BPM (a pulse every 1000 samples at 48 kHz) in 64-frame blocks
    /// and returns what the generator emits, at absolute frames.
    private func run(blocks: Int, stopAt stopBlock: Int? = nil, blockSize: Int = 64) throws -> [(MIDIEvent, Int)] {
        var engine = ArrangerEngine(style: try LiveFixture.style("rock-8beat"), sampleRate: 48_000)
        engine.send(.tempo(Tempo(bpm: 120)!))
        var generator = MIDIClockGenerator()
        var out: [(MIDIEvent, Int)] = []
        for b in 0..<blocks {
            if b == 10 { engine.send(.start) }
            if b == stopBlock { engine.send(.stop) }
            engine.advance(frames: blockSize, emit: { _ in }, notify: { _ in })
            generator.block(frames: blockSize, engine: engine) { out.append(($0, b * blockSize + $1)) }
        }
        return out
    }

    @Test func startThenTwentyFourPulsesPerQuarterOnTheBandsGrid() throws {
        let out = try run(blocks: 10 + 48_000 * 2 / 64)  // two seconds = four quarters
        #expect(out.first?.0 == .start && out.first?.1 == 640, "Start on the band's first frame")
        let pulses = out.filter { $0.0 == .clock }.map(\.1)
        #expect(pulses.count == 4 * 24, "\(pulses.count) pulses in four quarters")
        #expect(pulses.first == 640)
        // 500 ms per quarter / 24 = 1000 samples exactly, whatever the 64-frame grid.
        #expect(zip(pulses, pulses.dropFirst()).allSatisfy { $1 - $0 == 1000 })
    }

    @Test func anyBlockSizeGivesTheSameFrames() throws {
        let a = try run(blocks: 10 + 48_000 / 64, blockSize: 64).filter { $0.0 == .clock }.map { $0.1 - 640 }
        let b = try run(blocks: 10 + 48_000 / 100, blockSize: 100).filter { $0.0 == .clock }.map { $0.1 - 1000 }
        #expect(Array(a.prefix(40)) == Array(b.prefix(40)))
    }

    @Test func stopEndsTheClock() throws {
        let out = try run(blocks: 400, stopAt: 200)
        let stop = try #require(out.firstIndex { $0.0 == .stop })
        #expect(out[stop].1 == 200 * 64)
        #expect(out[(stop + 1)...].isEmpty, "nothing after Stop")
        #expect(out.filter { $0.0 == .start }.count == 1)
    }

    @Test func nothingWhileStopped() throws {
        var engine = ArrangerEngine(style: try LiveFixture.style("rock-8beat"), sampleRate: 48_000)
        var generator = MIDIClockGenerator()
        var count = 0
        for _ in 0..<100 {
            engine.advance(frames: 64, emit: { _ in }, notify: { _ in })
            generator.block(frames: 64, engine: engine) { _, _ in count += 1 }
        }
        #expect(count == 0)
    }
}
