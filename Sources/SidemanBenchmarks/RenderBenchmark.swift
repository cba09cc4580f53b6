import FluidSynthOutput
import Foundation
import MusicCore

/// Render speed in multiples of real time: `sideman render` (engine, FluidSynth, WAV and MIDI
/// writing, as a whole process), our offline renderer playing the band's MIDI file in process,
/// and the `fluidsynth` command line rendering that same MIDI file with the same SoundFont.
enum RenderBenchmark {
    static let blues = "C7 | F7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | G7 |"

    static func run() {
        print("\n== render (12-bar blues x 4 choruses, medium-swing, 120 BPM, 48 kHz)")
        guard let soundFont = SoundFontLocator().find() else {
            print("skipped: no General MIDI SoundFont installed")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-bench-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bandWAV = folder + "/band.wav", bandMIDI = folder + "/band.mid"
        print("SoundFont: \(soundFont)")

        // 1. The whole `sideman render` process.
        let sideman = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sideman").path
        guard FileManager.default.isExecutableFile(atPath: sideman) else {
            print("skipped: \(sideman) not built (swift build -c release builds both products)")
            return
        }
        let renderArguments = ["render", "--chart", blues, "--style", "medium-swing", "--choruses", "4", "--tempo", "120",
                               "--soundfont", soundFont, "--out", bandWAV, "--out", bandMIDI]
        guard let ours = time(sideman, renderArguments) else { return }
        guard let music = wavSeconds(bandWAV) else {
            print("skipped: sideman render wrote no readable WAV")
            return
        }
        report("sideman render (process: engine + synth + files)", seconds: ours, music: music)

        // 2. The same band MIDI through our offline renderer, in process.
        do {
            let file = try MIDIFile.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: bandMIDI))))
            let loadStart = ContinuousClock.now
            let synth = try Synthesizer(settings: SynthesizerSettings(sampleRate: 48_000))
            try synth.loadSoundFont(at: soundFont)
            let load = seconds(ContinuousClock.now - loadStart)
            let playback = MIDIFilePlayback(file: file, sampleRate: 48_000)
            let renderer = OfflineRenderer(synthesizer: synth)
            let writer = try WAVWriter(path: folder + "/replay.wav", sampleRate: 48_000)
            let start = ContinuousClock.now
            try renderer.render(frames: playback.lengthInFrames, events: playback.callAsFunction, to: writer)
            try renderer.renderTail(maxFrames: 8 * 48_000, to: writer)
            try writer.finish()
            let elapsed = seconds(ContinuousClock.now - start)
            print(String(format: "  SoundFont load: %.3f s", load))
            report("OfflineRenderer, band.mid in process (render only)", seconds: elapsed,
                   music: Double(writer.framesWritten) / 48_000)
        } catch {
            print("  in-process replay failed: \(error)")
        }

        // 3. The fluidsynth command line on the same MIDI file and SoundFont.
        if let fluid = ["/usr/bin/fluidsynth", "/usr/local/bin/fluidsynth"].first(where: FileManager.default.isExecutableFile) {
            let out = folder + "/fluidsynth.wav"
            if let theirs = time(fluid, ["-q", "-n", "-i", "-F", out, "-r", "48000", "-T", "wav", soundFont, bandMIDI]) {
                report("fluidsynth -F (process, same band.mid)", seconds: theirs, music: wavSeconds(out) ?? music)
            }
        } else {
            print("  fluidsynth command not installed: no comparison")
        }
    }

    static func report(_ what: String, seconds: Double, music: Double) {
        print(String(format: "  %@: %.2f s for %.1f s of audio = %.1f x real time", what, seconds, music, music / seconds))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Runs a program, returns wall-clock seconds (nil and a line if it failed).
    static func time(_ program: String, _ arguments: [String]) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = ContinuousClock.now
        do { try process.run() } catch {
            print("  cannot run \(program): \(error)")
            return nil
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = seconds(ContinuousClock.now - start)
        guard process.terminationStatus == 0 else {
            print("  \(program) failed (\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))")
            return nil
        }
        return elapsed
    }

    /// Length of a 16-bit stereo WAV from its data chunk size.
    static func wavSeconds(_ path: String) -> Double? {
        guard let data = FileManager.default.contents(atPath: path), data.count >= 44 else { return nil }
        let b = [UInt8](data.prefix(64))
        let rate = Int(b[24]) | Int(b[25]) << 8 | Int(b[26]) << 16 | Int(b[27]) << 24
        let bytesPerFrame = Int(b[32]) | Int(b[33]) << 8
        guard rate > 0, bytesPerFrame > 0 else { return nil }
        return Double(data.count - 44) / Double(bytesPerFrame * rate)
    }
}
