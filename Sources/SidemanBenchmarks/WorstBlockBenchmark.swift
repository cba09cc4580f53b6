import ALSASequencer
import Arranger
import FluidSynthOutput
import Foundation
import MusicCore
import SidemanDaemon
import StyleEngine

/// The worst audio block of the whole live callback, per style: LiveAudioState.block (input,
/// keyboard, engine) then FluidSynth rendering the block (polyphony 64, TimGM6mb, reverb on,
/// chorus off as the daemon has it), 64 frames at 48 kHz. The left hand changes chord every
/// two beats, the right hand plays a note every half second, and the control channel walks
/// through every main, fill, break and intro 1 every two bars.
///
/// Each pass builds everything afresh (synth, SoundFont, band) and plays a warm-up cycle
/// (every section once) before the timed cycle, so the timed blocks are a steady state. The
/// passes are identical, sample for sample; a block's cost is its fastest pass, which drops
/// what the machine did meanwhile (another process, an interrupt) and keeps what the block
/// itself does every time. Raw figures (every pass, every block) are printed too.
///
/// The chord change a block is compared with is the block where the band changes chord: the
/// keys' own block, or, for a chord played up to an eighth ahead of a strong beat (ChordFeel),
/// the beat it waits for; the keys' block alone is printed as "keys in". Voices: those sounding
/// after each block, mean and most.
enum WorstBlockBenchmark {
    static let rate = 48_000
    static let block = 64
    static let passes = Int(ProcessInfo.processInfo.environment["SIDEMAN_BENCH_PASSES"] ?? "") ?? 3
    static let polyphony = Int(ProcessInfo.processInfo.environment["SIDEMAN_BENCH_POLYPHONY"] ?? "") ?? 64
    /// Note-ons started per block (`SIDEMAN_BENCH_SPREAD=0`: every note in its own block, as before
    /// the spread); unset, the synthesizer's default.
    static let spread = Int(ProcessInfo.processInfo.environment["SIDEMAN_BENCH_SPREAD"] ?? "")
    /// Control keys (channel 16): main B, C, D, A, break, fill, intro 1.
    static let sectionKeys: [UInt8] = [42, 43, 44, 41, 46, 45, 38]
    static let chords: [[UInt8]] = [[36, 40, 43, 47], [33, 36, 40, 43], [38, 41, 45, 48], [31, 35, 38, 41], [40, 44, 47, 50], [41, 45, 48]]

    static func run(only: String? = nil) {
        let starts = spread ?? SynthesizerSettings().voiceStartsPerBlock
        print("\n== worst block of the live callback (engine + FluidSynth, polyphony \(polyphony), reverb on; \(block) frames at 48 kHz = "
            + String(format: "%.0f µs", Double(block) * 1e6 / Double(rate)) + "; fastest of \(passes) identical passes per block; "
            + (starts > 0 ? "at most \(starts) note-ons start per block, the rest a block or two later)" : "every note-on starts in its own block)"))
        guard let soundFont = ["/usr/share/sounds/sf2/TimGM6mb.sf2"].first(where: FileManager.default.isReadableFile) else {
            print("skipped: TimGM6mb not installed (apt-get install timgm6mb-soundfont)")
            return
        }
        print("  style" + String(repeating: " ", count: 29)
            + "   median  keys in  chord change   p99.9      max   worst/chord  | raw p99.9   raw max   (µs) | voices mean, max")
        var worstRatio = 0.0
        for (name, style) in EngineBenchmark.styles() where !name.hasPrefix("synthetic") {
            if let only, !name.hasPrefix(only) { continue }
            guard let r = measure(style, soundFont: soundFont) else { continue }
            worstRatio = max(worstRatio, r.ratio)
            let label = name.count < 34 ? name + String(repeating: " ", count: 34 - name.count) : name
            print("  \(label)" + String(format: " %7.1f %8.1f %13.1f %7.1f %8.1f %9.2fx    | %8.1f %9.1f",
                                             r.median, r.keysMedian, r.chordMedian, r.p999, r.max, r.ratio, r.rawP999, r.rawMax)
                + String(format: " | %6.1f %4d", r.meanVoices, r.maxVoices)
                + (r.worstNote.isEmpty ? "" : "   worst: \(r.worstNote)"))
        }
        print(String(format: "  highest worst/chord-change ratio: %.2fx (target: 3x or less)", worstRatio))
    }

    struct Result {
        var median = 0.0, keysMedian = 0.0, chordMedian = 0.0, p999 = 0.0, max = 0.0, ratio = 0.0, rawP999 = 0.0, rawMax = 0.0
        var worstNote = ""
        var meanVoices = 0.0, maxVoices = 0
    }

    /// Blocks per timed cycle and what each carries.
    struct Plan {
        var blocksPerChord: Int
        var blocksPerSection: Int
        var cycle: Int { blocksPerSection * sectionKeys.count }
    }

    nonisolated(unsafe) static var detailLog: [Int: String] = [:]
    static let detail = ProcessInfo.processInfo.environment["SIDEMAN_BENCH_DETAIL"] != nil

    static func measure(_ style: Style, soundFont: String) -> Result? {
        let (num, den) = style.tempo.samplesPerTick(sampleRate: rate)
        let beatFrames = style.meter.ticksPerBeat() * num / den
        let plan = Plan(
            blocksPerChord: max(1, 2 * beatFrames / block),
            blocksPerSection: max(1, 2 * style.meter.ticksPerBar() * num / den / block))
        var best: [UInt64] = []
        var raw: [UInt64] = []
        var chordBlocks: [Int] = []
        var changeBlocks: [Int] = []
        var all: [[UInt64]] = []
        var voices: [Int] = []
        for _ in 0..<passes {
            guard let times = pass(style, soundFont: soundFont, plan: plan, chordBlocks: &chordBlocks, changeBlocks: &changeBlocks, voices: &voices) else { return nil }
            raw += times
            all.append(times)
            best = best.isEmpty ? times : zip(best, times).map { min($0, $1) }
        }
        func us(_ ns: UInt64) -> Double { Double(ns) / 1e3 }
        if ProcessInfo.processInfo.environment["SIDEMAN_BENCH_DETAIL"] != nil {
            // The slowest blocks, each pass's time: a block slow in every pass is slow itself.
            for i in best.indices.sorted(by: { best[$0] > best[$1] }).prefix(12) {
                let inCycle = i + plan.cycle
                print("    block \(i) (chord +\(inCycle % plan.blocksPerChord), section +\(inCycle % plan.blocksPerSection)): "
                    + all.map { String(format: "%.1f", us($0[i])) }.joined(separator: " ") + "  " + (detailLog[i] ?? ""))
            }
        }
        func percentile(_ sorted: [UInt64], _ p: Double) -> Double {
            us(sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))])
        }
        let sorted = best.sorted(), rawSorted = raw.sorted()
        let keysTimes = chordBlocks.map { best[$0] }.sorted()
        let changeTimes = (changeBlocks.isEmpty ? chordBlocks : changeBlocks).map { best[$0] }.sorted()
        var r = Result()
        r.median = percentile(sorted, 0.5)
        r.keysMedian = us(keysTimes[keysTimes.count / 2])
        r.chordMedian = us(changeTimes[changeTimes.count / 2])
        r.p999 = percentile(sorted, 0.999)
        r.max = us(sorted.last!)
        r.ratio = r.max / r.chordMedian
        r.rawP999 = percentile(rawSorted, 0.999)
        r.rawMax = us(rawSorted.last!)
        r.meanVoices = Double(voices.reduce(0, +)) / Double(max(1, voices.count))
        r.maxVoices = voices.max() ?? 0
        if let i = best.indices.max(by: { best[$0] < best[$1] }) {
            let inCycle = i + plan.cycle
            var what: [String] = []
            if inCycle % plan.blocksPerChord == 0 { what.append("chord change") }
            if inCycle % plan.blocksPerSection == plan.blocksPerSection / 2 { what.append("section request") }
            r.worstNote = "block \(i)" + (what.isEmpty ? "" : " (" + what.joined(separator: ", ") + ")")
        }
        return r
    }

    /// One pass from scratch: a warm-up cycle, then the timed cycle; the time of each timed
    /// block in ns. `chordBlocks` gets the timed blocks that carry a chord change.
    /// `changeBlocks` gets the timed blocks where the band changes chord (the keys' block, or
    /// the beat a chord played just ahead of it waits for); `voices` the voices sounding after
    /// each timed block.
    static func pass(
        _ style: Style, soundFont: String, plan: Plan, chordBlocks: inout [Int], changeBlocks: inout [Int], voices: inout [Int]
    ) -> [UInt64]? {
        let synth: Synthesizer
        do {
            var settings = SynthesizerSettings(sampleRate: rate, gain: 0.8, polyphony: polyphony, reverb: true, chorus: false)
            if let n = spread { settings.voiceStartsPerBlock = n }
            synth = try Synthesizer(settings: settings)
            try synth.loadSoundFont(at: soundFont)
        } catch {
            print("  skipped: \(error)")
            return nil
        }
        let config = SidemanConfig()
        let live = LiveStyle(style)
        let band = LiveBand(styles: [live], styleIndex: 0, config: config, sampleRate: rate)
        synth.setDrumChannels([])  // kits come with the style's banks, as live (Daemon+Boot)
        for event in band.setupEvents() { synth.send(event) }
        let state = LiveAudioState(
            band: band, synth: synth, input: SPSCRing(capacity: 256), pulse: AudioPulse(),
            timer: CallbackTimer(sampleRate: rate, bufferFrames: 256), output: config.liveOutput)
        var buffer = [Float](repeating: 0, count: 2 * block)
        let control = MIDIChannel(rawValue: 15)!
        var times = [UInt64](repeating: 0, count: plan.cycle)
        chordBlocks.removeAll(keepingCapacity: true)
        changeBlocks.removeAll(keepingCapacity: true)
        voices = [Int](repeating: 0, count: plan.cycle)
        var ns: UInt64 = 1_000_000_000
        var events: [MIDIEvent] = []
        events.reserveCapacity(16)
        for b in 0..<(2 * plan.cycle) {
            events.removeAll(keepingCapacity: true)
            if b % plan.blocksPerChord == 0 {
                let n = b / plan.blocksPerChord
                if n > 0 { events += chords[(n - 1) % chords.count].map { .noteOff(channel: 0, note: UInt7(rawValue: $0)!, velocity: 0) } }
                events += chords[n % chords.count].map { .noteOn(channel: 0, note: UInt7(rawValue: $0)!, velocity: 80) }
                if b >= plan.cycle { chordBlocks.append(b - plan.cycle) }
            }
            if b % plan.blocksPerSection == plan.blocksPerSection / 2 {
                let key = UInt7(rawValue: sectionKeys[(b / plan.blocksPerSection) % sectionKeys.count])!
                events.append(.noteOn(channel: control, note: key, velocity: 100))
                events.append(.noteOff(channel: control, note: key, velocity: 0))
            }
            if b % 375 == 0 { events.append(.noteOn(channel: 0, note: UInt7(60 + (b / 375) % 24)!, velocity: 100)) }
            if b % 375 == 200 { events.append(.noteOff(channel: 0, note: UInt7(60 + (b / 375) % 24)!, velocity: 0)) }
            for e in events {
                state.input.push(InputEvent(source: SequencerAddress(client: 20, port: 0), event: e, receivedNanoseconds: ns))
            }
            ns += 1_333_333
            let t0 = ChordBenchmark.nanoseconds()
            state.block(block)
            let t1 = ChordBenchmark.nanoseconds()
            buffer.withUnsafeMutableBufferPointer { _ = synth.render(into: $0) }
            let t = ChordBenchmark.nanoseconds() - t0
            var out = 0
            while let m = state.output?.ring.pop() { if case .noteOn = m.event { out += 1 } }
            if detail && b >= plan.cycle { detailLog[b - plan.cycle] = "engine \(Double(t1 - t0) / 1e3) µs, \(out) note-ons, \(synth.activeVoiceCount) voices" }
            while let notice = state.notices.pop() {
                if case .chordChanged = notice, b >= plan.cycle { changeBlocks.append(b - plan.cycle) }
            }
            if b >= plan.cycle {
                times[b - plan.cycle] = t
                voices[b - plan.cycle] = synth.activeVoiceCount
            }
        }
        return times
    }
}
