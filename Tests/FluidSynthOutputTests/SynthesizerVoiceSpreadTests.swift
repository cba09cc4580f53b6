import AllocationCounting
import Foundation
import MusicCore
import Synchronization
import Testing

@testable import FluidSynthOutput

/// A bar-line burst of note-ons through the real synthesizer: the offline renderer and the
/// live driver's callback spread it over the same blocks.
@Suite("A burst of note-ons through FluidSynth", .enabled(if: TestSoundFont.available, "\(TestSoundFont.missing)"))
struct SynthesizerVoiceSpreadTests {
    static let burst: [MIDIEvent] = (0..<9).map {
        .noteOn(channel: MIDIChannel(rawValue: UInt8($0))!, note: UInt7(rawValue: UInt8(48 + 3 * $0))!, velocity: 100)
    }

    @Test func offlineTheBurstStartsThreeNotesABlock() throws {
        let synth = try TestSoundFont.synthesizer()
        var buffer = [Float](repeating: 0, count: 2 * Synthesizer.blockSize)
        var waiting: [Int] = []
        var voices: [Int] = []
        for block in 0..<5 {
            waiting.append(synth.spread.waiting)
            if block == 1 { for e in Self.burst { synth.send(e) } }
            buffer.withUnsafeMutableBufferPointer { _ = synth.render(into: $0) }
            voices.append(synth.activeVoiceCount)
        }
        #expect(waiting == [0, 0, 6, 3, 0])
        #expect(voices[0] == 0 && voices[1] > 0 && voices[1] < voices[2] && voices[2] < voices[3] && voices[3] == voices[4])
    }

    /// Allocations and frees of a burst (note-ons, their note-offs behind them, a controller,
    /// another burst cut short by silence) after one round of warm-up.
    func burstCounts(perBlock: Int) throws -> (allocations: Int, frees: Int) {
        let synth = try Synthesizer(settings: SynthesizerSettings(reverb: false, chorus: false, voiceStartsPerBlock: perBlock))
        try synth.loadSoundFont(at: TestSoundFont.path!)
        var buffer = [Float](repeating: 0, count: 2 * Synthesizer.blockSize)
        let off: [MIDIEvent] = Self.burst.map { if case .noteOn(let c, let k, _) = $0 { .noteOff(channel: c, note: k, velocity: 0) } else { $0 } }
        func round() {
            buffer.withUnsafeMutableBufferPointer { out in
                for e in Self.burst { synth.send(e) }
                for e in off { synth.send(e) }
                synth.send(.controlChange(channel: 3, controller: 7, value: 90))
                for _ in 0..<4 { _ = synth.render(into: out) }
                for e in Self.burst { synth.send(e) }
                synth.silence()
                _ = synth.render(into: out)
            }
        }
        round()
        return AllocationCounter.counts { round() }
    }

    /// FluidSynth's own calls in this sequence allocate (the same with or without spreading);
    /// the spread adds nothing to them.
    @Test func spreadingAddsNoAllocationOrFree() throws {
        let plain = try burstCounts(perBlock: 0), spread = try burstCounts(perBlock: 3)
        #expect(spread == plain)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/alsa/alsa.conf"), "skipped: alsa-lib configuration not installed"))
    func liveTheDriverSpreadsItTheSameWay() throws {
        let synth = try TestSoundFont.synthesizer()
        let calls = Atomic<Int>(0)
        let seen = Mutex<[Int]>([])
        let output = try AudioOutput(
            synthesizer: synth, settings: AudioOutput.Settings(driver: "alsa", device: "null", periodSize: 256, periods: 2)
        ) { _ in
            let block = calls.add(1, ordering: .relaxed).oldValue
            guard block < 5 else { return }
            let waiting = synth.spread.waiting
            seen.withLock { $0.append(waiting) }  // a test's own bookkeeping, not the product's callback
            if block == 1 { for e in Self.burst { synth.send(e) } }
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while calls.load(ordering: .relaxed) < 8, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        output.stop()
        #expect(seen.withLock { $0 } == [0, 0, 6, 3, 0])
    }
}
