import AllocationCounting
import ALSASequencer
import Arranger
import FluidSynthOutput
import Foundation
import Logging
import MusicCore
import Recorder
import SidemanDaemon

/// What recording costs the audio callback: the live path (LiveAudioState.block, FluidSynth
/// rendering the block, the recorder's tap taking it) with a take running and without,
/// in alternating runs; and the allocations of the path while a take runs (the writer thread
/// writes a real FLAC file meanwhile).
enum RecordBenchmark {
    static let block = 64
    static let rate = 48_000

    static func run() {
        print("\n== recording: cost to the audio callback (live path with and without a take, 48 kHz)")
        guard let soundFont = SoundFontLocator().find() else {
            print("skipped: no General MIDI SoundFont installed")
            return
        }
        guard let style = EngineBenchmark.styles().first(where: { $0.0 == "bossa-nova.style" })?.1 else {
            print("skipped: styles/bossa-nova.style not found")
            return
        }
        let synth: Synthesizer
        do {
            synth = try Synthesizer(settings: SynthesizerSettings(sampleRate: rate, reverb: true, chorus: false))
            try synth.loadSoundFont(at: soundFont)
        } catch {
            print("skipped: \(error)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-bench-takes-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var settings = SidemanConfig.Record()
        settings.folder = folder
        settings.minFreeMB = 0
        settings.stopAfterSilence = 3600
        var logger = Logger(label: "bench") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .error
        let recorder = TakeRecorder(settings: settings, sampleRate: rate, logger: logger) {
            TakeRecorder.Context(label: "bench", tempo: Tempo(bpm: 120)!, meter: .fourFour)
        }
        recorder.run()
        defer { recorder.shutdown() }

        let config = LiveLatencyBenchmark.config()
        let band = LiveBand(styles: [LiveStyle(style)], styleIndex: 0, config: config, sampleRate: rate)
        let state = LiveAudioState(
            band: band, synth: synth, input: SPSCRing(capacity: 256), pulse: AudioPulse(),
            timer: CallbackTimer(sampleRate: rate, bufferFrames: 256))
        state.record(with: recorder)
        var buffer = [Float](repeating: 0, count: 2 * block)
        let chords: [[UInt8]] = [[36, 40, 43], [45, 48, 52], [41, 45, 48, 52], [43, 47, 50, 53]]
        var b = 0
        /// One block of the live path: input, band, FluidSynth, the tap.
        func oneBlock() {
            if b % 375 == 0 {
                for n in chords[(b / 375 + 3) % 4] { state.input.push(InputEvent(source: SequencerAddress(client: 20, port: 0), event: .noteOff(channel: 0, note: UInt7(rawValue: n)!, velocity: 0), receivedNanoseconds: 0)) }
                for n in chords[(b / 375) % 4] { state.input.push(InputEvent(source: SequencerAddress(client: 20, port: 0), event: .noteOn(channel: 0, note: UInt7(rawValue: n)!, velocity: 80), receivedNanoseconds: 0)) }
            }
            state.block(block)
            buffer.withUnsafeMutableBufferPointer { p in
                _ = synth.render(into: p)
                state.rendered(left: p.baseAddress!, right: p.baseAddress! + block, frames: block)
            }
            while state.notices.pop() != nil {}
            b += 1
        }
        for _ in 0..<3000 { oneBlock() }  // warm up

        // Alternating runs of 1 s, each timed per block; a take runs during the "on" runs.
        var off: [UInt64] = [], on: [UInt64] = []
        var allocations = 0, blocksRecorded = 0
        for run in 0..<20 {
            let recording = run % 2 == 1
            if recording { _ = recorder.start() }
            for _ in 0..<(rate / block) {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let n = AllocationCounter.count { oneBlock() }
                let t1 = DispatchTime.now().uptimeNanoseconds
                if recording {
                    on.append(t1 - t0)
                    allocations += n
                    blocksRecorded += 1
                } else {
                    off.append(t1 - t0)
                }
            }
            if recording {
                _ = recorder.stop()
                oneBlock()
                while recorder.status.state == "recording" { usleep(2_000) }
            }
        }
        func stats(_ v: [UInt64]) -> (p50: Double, p99: Double, mean: Double) {
            let s = v.sorted()
            let mean = Double(s.reduce(0, +)) / Double(max(1, s.count))
            return (Double(s[s.count / 2]) / 1000, Double(s[min(s.count - 1, s.count * 99 / 100)]) / 1000, mean / 1000)
        }
        let a = stats(off), r = stats(on)
        print(String(format: "  per block without a take: mean %.2f µs, p50 %.2f µs, p99 %.2f µs (n %d)", a.mean, a.p50, a.p99, off.count))
        print(String(format: "  per block with a take:    mean %.2f µs, p50 %.2f µs, p99 %.2f µs (n %d)", r.mean, r.p50, r.p99, on.count))
        print(String(format: "  difference of means: %+.2f µs per 64-frame block (%.2f%% of the block's 1333 µs)", r.mean - a.mean, (r.mean - a.mean) / 1333.3 * 100))

        // The tap alone, as the callback calls it.
        let tap = AudioTap(sampleRate: rate)
        _ = tap.begin(.starting)
        var drain = [Int16](repeating: 0, count: 1 << 16)
        let t0 = DispatchTime.now().uptimeNanoseconds
        let rounds = 200_000
        buffer.withUnsafeBufferPointer { p in
            for i in 0..<rounds {
                tap.capture(left: p.baseAddress!, right: p.baseAddress! + block, frames: block, atFrame: Int64(i * block))
                if i % 256 == 0 { _ = drain.withUnsafeMutableBufferPointer { tap.drain(into: $0) } }
            }
        }
        let t1 = DispatchTime.now().uptimeNanoseconds
        print(String(format: "  the tap alone: %.0f ns per block (float → 16-bit, into the ring)", Double(t1 - t0) / Double(rounds)))
        let takes = TakeLibrary(folder: folder).list()
        print("  allocations on the audio path while recording: \(allocations) in \(blocksRecorded) blocks; takes written: \(takes.count) ("
            + takes.map { String(format: "%.1f s", $0.seconds ?? 0) }.joined(separator: ", ") + ")")
    }
}
