import Foundation
import MusicCore
import Synchronization
import Testing

@testable import FluidSynthOutput

/// ALSA's "null" PCM needs no sound card (it discards what it is given), so the audio
/// driver's thread and our callback run on any machine with alsa-lib.
@Suite("Live audio output through ALSA's null device", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/alsa/alsa.conf"), "skipped: alsa-lib configuration not installed"))
struct AudioOutputTests {
    @Test func theDriverThreadAsksForWholeBlocksAndRenders() throws {
        let synth = try Synthesizer(settings: SynthesizerSettings(sampleRate: 48_000))
        if let path = TestSoundFont.path { try synth.loadSoundFont(at: path) }
        let calls = Atomic<Int>(0)
        let oddBlocks = Atomic<Int>(0)
        let output = try AudioOutput(
            synthesizer: synth, settings: AudioOutput.Settings(driver: "alsa", device: "null", periodSize: 256, periods: 2)
        ) { frames in
            if frames != Synthesizer.blockSize { oddBlocks.add(1, ordering: .relaxed) }
            if calls.add(1, ordering: .relaxed).newValue == 1 {
                synth.send(.noteOn(channel: 0, note: 60, velocity: 100))
            }
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while calls.load(ordering: .relaxed) < 40, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        output.stop()
        let blocks = calls.load(ordering: .relaxed)
        #expect(!output.isRunning)
        #expect(blocks >= 40)
        #expect(oddBlocks.load(ordering: .relaxed) == 0)
        #expect(output.framesRendered >= 40 * Synthesizer.blockSize - 256)
        // Stopped means stopped: no more calls.
        Thread.sleep(forTimeInterval: 0.05)
        #expect(calls.load(ordering: .relaxed) == blocks)
    }

    @Test func badPeriodIsNamed() throws {
        let synth = try Synthesizer()
        #expect(throws: FluidSynthError.invalidSetting("audio period 3 × 2 (16...8192 × 2...64)")) {
            try AudioOutput(synthesizer: synth, settings: AudioOutput.Settings(periodSize: 3)) { _ in }
        }
    }

    @Test func unknownDriverFailsWithOneLine() throws {
        let synth = try Synthesizer()
        let error = #expect(throws: FluidSynthError.self) {
            try AudioOutput(synthesizer: synth, settings: AudioOutput.Settings(driver: "no-such-driver")) { _ in }
        }
        #expect(error.map { !"\($0)".contains("\n") } == true)
    }
}
