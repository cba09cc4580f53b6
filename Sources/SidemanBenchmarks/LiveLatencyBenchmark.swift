import AllocationCounting
import ALSASequencer
import Arranger
import FluidSynthOutput
import Foundation
import MusicCore
import SidemanDaemon
import StyleEngine

/// Latency of the live path, offline and exact, in samples at 48 kHz: the daemon's own
/// audio-thread code (LiveAudioState.block, then FluidSynth rendering the block), fed as the
/// reader thread feeds it, with each input arriving at a random point inside a 64-frame block.
/// - key → lead voice: a right-hand key to the first audible sample of the lead voice;
/// - chord → out: a left-hand chord to the band's first note-on in the `out` ring;
/// - chord → band audio: the same chord to the band's first audible sample.
/// The sound card adds its buffer (period size × periods) on top of the audio figures;
/// `out` is sent by the output thread as soon as the block is done, ahead of the audio.
/// Then the steady state's allocations per block over the whole path.
enum LiveLatencyBenchmark {
    static let trials = 100
    static let block = 64
    static let rate = 48_000
    /// −80 dBFS: the first sample above it is the sound's onset.
    static let threshold: Float = 1e-4

    static func run() {
        print("\n== live latency (engine + keyboard + FluidSynth through LiveAudioState, \(trials) trials each, 48 kHz)")
        guard let soundFont = SoundFontLocator().find() else {
            print("skipped: no General MIDI SoundFont installed")
            return
        }
        guard let style = EngineBenchmark.styles().first(where: { $0.0 == "bossa-nova.style" })?.1 else {
            print("skipped: styles/bossa-nova.style not found")
            return
        }
        let live = LiveStyle(style)
        let synth: Synthesizer
        do {
            synth = try Synthesizer(settings: SynthesizerSettings(sampleRate: rate, reverb: false, chorus: false))
            try synth.loadSoundFont(at: soundFont)
        } catch {
            print("skipped: \(error)")
            return
        }
        print("SoundFont: \(soundFont)")
        var generator = SystemRandomNumberGenerator()
        var lead: [Int] = [], out: [Int] = [], bandAudio: [Int] = []
        for trial in 0..<(2 * trials) {
            let offset = Int.random(in: 0..<block, using: &generator)
            if trial % 2 == 0 {
                if let r = measure(live, synth, offset: offset, input: [.noteOn(channel: 0, note: 72, velocity: 100)]) {
                    if let a = r.audio { lead.append(a) }
                }
            } else {
                let chord: [MIDIEvent] = [36, 40, 43].map { .noteOn(channel: 0, note: UInt7(rawValue: $0)!, velocity: 90) }
                if let r = measure(live, synth, offset: offset, input: chord) {
                    if let o = r.out { out.append(o) }
                    if let a = r.audio { bandAudio.append(a) }
                }
            }
        }
        report("key -> lead voice audio", lead)
        report("chord -> first band note on out", out)
        report("chord -> band audio", bandAudio)
        print("  (live, the sound card's buffer adds period × periods: 128 × 2 = 256 samples, 5.3 ms, by default)")
        allocations(live, synth)
    }

    struct Result {
        var out: Int?
        var audio: Int?
    }

    static func config() -> SidemanConfig {
        var config = SidemanConfig()
        config.style.tempo = 120
        return config
    }

    /// One trial on a fresh band: silence, then the input arrives `offset` samples into a
    /// block, and is taken at the start of the next one — as the reader's ring is drained.
    static func measure(_ style: LiveStyle, _ synth: Synthesizer, offset: Int, input: [MIDIEvent]) -> Result? {
        let band = LiveBand(styles: [style], styleIndex: 0, config: config(), sampleRate: rate)
        let state = LiveAudioState(
            band: band, synth: synth, input: SPSCRing(capacity: 64), pulse: AudioPulse(),
            timer: CallbackTimer(sampleRate: rate, bufferFrames: 256), output: config().liveOutput)
        synth.silence()
        for event in band.setupEvents() { synth.send(event) }
        var buffer = [Float](repeating: 0, count: 2 * block)
        // Quiet blocks until the synth is silent, then a few more.
        var quiet = 0, blocks = 0
        while quiet < 8 && blocks < rate / block * 3 {
            state.block(block)
            buffer.withUnsafeMutableBufferPointer { _ = synth.render(into: $0) }
            quiet = buffer.allSatisfy { abs($0) < threshold / 10 } ? quiet + 1 : 0
            blocks += 1
        }
        while state.output?.ring.pop() != nil {}
        // The input arrives `offset` samples into the block just rendered.
        let arrival = Int(state.frame) - block + offset
        for event in input {
            state.input.push(InputEvent(source: SequencerAddress(client: 20, port: 0), event: event, receivedNanoseconds: 0))
        }
        var result = Result()
        for _ in 0..<(rate / block) {  // one second at most
            let start = Int(state.frame)
            state.block(block)
            if result.out == nil {
                while let m = state.output?.ring.pop() {
                    if case .noteOn(_, _, let v) = m.event, v.rawValue > 0, result.out == nil { result.out = Int(m.frame) - arrival }
                }
            }
            buffer.withUnsafeMutableBufferPointer { _ = synth.render(into: $0) }
            if result.audio == nil, let i = buffer.firstIndex(where: { abs($0) >= threshold }) {
                result.audio = start + i / 2 - arrival
            }
            if result.audio != nil && (result.out != nil || input.count == 1) { break }
        }
        return result
    }

    static func report(_ name: String, _ samples: [Int]) {
        guard !samples.isEmpty else {
            print("  \(name): no measurement")
            return
        }
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Int { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))] }
        func ms(_ s: Int) -> String { String(format: "%.2f ms", Double(s) * 1000 / Double(rate)) }
        print("  \(name): p50 \(percentile(0.5)) samples (\(ms(percentile(0.5)))), p99 \(percentile(0.99)) samples (\(ms(percentile(0.99)))), min \(sorted.first!), max \(sorted.last!), n \(sorted.count)")
    }

    /// Steady state of the whole path: band playing, chords changing, a melody, MIDI clock
    /// followed, `out` fed; allocations counted on this thread per block, FluidSynth included.
    static func allocations(_ style: LiveStyle, _ synth: Synthesizer) {
        var config = config()
        config.clock.follow = true
        let band = LiveBand(styles: [style], styleIndex: 0, config: config, sampleRate: rate)
        let state = LiveAudioState(
            band: band, synth: synth, input: SPSCRing(capacity: 256), pulse: AudioPulse(),
            timer: CallbackTimer(sampleRate: rate, bufferFrames: 256), output: config.liveOutput,
            follower: config.clockFollower)
        synth.silence()
        var buffer = [Float](repeating: 0, count: 2 * block)
        let chords: [[UInt8]] = [[36, 40, 43], [45, 48, 52], [41, 45, 48, 52], [43, 47, 50, 53]]
        var ns: UInt64 = 1_000_000_000
        var total = 0, worst = 0, blocksWithAllocation = 0
        let warmUp = 3000, measured = rate / block * 20
        for b in 0..<(warmUp + measured) {
            var events: [MIDIEvent] = []
            if b % 375 == 0 {
                events += chords[(b / 375 + 3) % 4].map { .noteOff(channel: 0, note: UInt7(rawValue: $0)!, velocity: 0) }
                events += chords[(b / 375) % 4].map { .noteOn(channel: 0, note: UInt7(rawValue: $0)!, velocity: 80) }
            }
            if b % 94 == 0 { events.append(.noteOn(channel: 0, note: UInt7(60 + (b / 94) % 24)!, velocity: 100)) }
            if b % 94 == 50 { events.append(.noteOff(channel: 0, note: UInt7(60 + (b / 94) % 24)!, velocity: 0)) }
            if b % 16 == 0 { events.append(.clock) }
            for e in events {
                state.input.push(InputEvent(source: SequencerAddress(client: 20, port: 0), event: e, receivedNanoseconds: ns))
            }
            ns += 1_333_333
            let n = AllocationCounter.count {
                state.block(block)
                buffer.withUnsafeMutableBufferPointer { _ = synth.render(into: $0) }
            }
            while state.output?.ring.pop() != nil {}
            while state.notices.pop() != nil {}
            if b >= warmUp {
                total += n
                worst = max(worst, n)
                if n > 0 { blocksWithAllocation += 1 }
            }
        }
        let probe = AllocationCounter.count { probeSink.append(ProbeBox()) }
        print("  steady state, whole live path: \(total) allocation(s) in \(measured) blocks (\(measured * block / rate) s); "
            + "worst block \(worst), blocks allocating \(blocksWithAllocation) (counter check: \(probe) for one object; -1 = unavailable)")
    }
}
