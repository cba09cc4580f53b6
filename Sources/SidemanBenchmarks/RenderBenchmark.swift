import FluidSynthOutput
import Foundation
import MusicCore

/// Render speed, whole processes: `sideman render` of a 96-bar swing blues to WAV (engine,
/// FluidSynth, WAV and MIDI writing), then the `fluidsynth` command rendering the MIDI file
/// that render wrote, with the same SoundFont at the same rate. Runs alternate between the
/// two so that both see the same machine; each figure is the median of `runs`, in CPU time
/// (user + system, from the child's rusage: what the work costs, whatever else the machine
/// runs) and in wall time. The ratio is sideman's over fluidsynth's.
enum RenderBenchmark {
    static let blues = "C7 | F7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | G7 |"
    static let runs = 5

    struct Timing {
        var wall: Double
        var cpu: Double
    }

    static func run() {
        print("\n== render (12-bar blues x 8 choruses = 96 bars, medium-swing, 120 BPM, 48 kHz; median of \(runs) whole-process runs)")
        let soundFont = ["/usr/share/sounds/sf2/TimGM6mb.sf2"].first(where: FileManager.default.isReadableFile)
            ?? SoundFontLocator().find()
        guard let soundFont else {
            print("skipped: no General MIDI SoundFont installed")
            return
        }
        let sideman = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sideman").path
        guard FileManager.default.isExecutableFile(atPath: sideman) else {
            print("skipped: \(sideman) not built (swift build -c release builds both products)")
            return
        }
        guard let fluid = ["/usr/bin/fluidsynth", "/usr/local/bin/fluidsynth"].first(where: FileManager.default.isExecutableFile) else {
            print("skipped: the fluidsynth command is not installed (apt-get install --no-install-recommends fluidsynth)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-bench-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bandWAV = folder + "/band.wav", bandMIDI = folder + "/band.mid", theirWAV = folder + "/fluidsynth.wav"
        print("SoundFont: \(soundFont)")

        let ours = [sideman, "render", "--chart", blues, "--style", "medium-swing", "--choruses", "8", "--tempo", "120",
                    "--soundfont", soundFont, "--out", bandWAV, "--out", bandMIDI]
        // fluidsynth's own defaults (reverb and chorus on, 256 voices, GS bank select), and
        // again with the chorus off as `sideman render` and the daemon have it.
        let theirs = [fluid, "-q", "-n", "-i", "-F", theirWAV, "-r", "48000", "-T", "wav", soundFont, bandMIDI]
        let theirsMatched = [fluid, "-q", "-n", "-i", "-o", "synth.chorus.active=0", "-F", theirWAV, "-r", "48000", "-T", "wav",
                             soundFont, bandMIDI]
        guard time(ours) != nil else { return }  // writes band.mid; also warms the page cache
        var a: [Timing] = [], b: [Timing] = [], c: [Timing] = []
        var ourSeconds = 0.0, theirSeconds = 0.0
        for _ in 0..<runs {
            guard let x = time(ours) else { return }
            a.append(x)
            ourSeconds = wavSeconds(bandWAV) ?? 0
            guard let y = time(theirs) else { return }
            b.append(y)
            theirSeconds = wavSeconds(theirWAV) ?? 0
            guard let z = time(theirsMatched) else { return }
            c.append(z)
        }
        let mine = median(a), fs = median(b), fsMatched = median(c)
        report("sideman render (WAV + MIDI)", mine, audio: ourSeconds)
        report("fluidsynth -F, same band.mid, its defaults", fs, audio: theirSeconds)
        report("fluidsynth -F, same band.mid, chorus off", fsMatched, audio: theirSeconds)
        print(String(format: "  render / fluidsynth -F: %.3f CPU (%.3f wall); against chorus off: %.3f CPU (%.3f wall)",
                     mine.cpu / fs.cpu, mine.wall / fs.wall, mine.cpu / fsMatched.cpu, mine.wall / fsMatched.wall))
    }

    static func report(_ what: String, _ t: Timing, audio: Double) {
        let label = what.count < 46 ? what + String(repeating: " ", count: 46 - what.count) : what
        print("  \(label)" + String(format: " CPU %.2f s  wall %.2f s  for %.1f s of audio (%.0fx real time in CPU)",
                                    t.cpu, t.wall, audio, audio / max(t.cpu, 1e-9)))
    }

    static func median(_ timings: [Timing]) -> Timing {
        func m(_ xs: [Double]) -> Double {
            let s = xs.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        return Timing(wall: m(timings.map(\.wall)), cpu: m(timings.map(\.cpu)))
    }

    /// Runs a program with its output discarded; wall seconds and the child's CPU seconds
    /// (nil and a line if it failed).
    static func time(_ argv: [String]) -> Timing? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        guard spawned == 0 else {
            print("  cannot run \(argv[0]): error \(spawned)")
            return nil
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = ContinuousClock.now - start
        guard status == 0 else {
            print("  \(argv.joined(separator: " ")) failed (status \(status))")
            return nil
        }
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return Timing(
            wall: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18,
            cpu: secs(usage.ru_utime) + secs(usage.ru_stime))
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
