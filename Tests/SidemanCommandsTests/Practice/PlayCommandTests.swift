import ALSASequencer
import ControlSocket
import FluidSynthOutput
import Foundation
import MusicCore
import Practice
import StyleEngine
import SystemdNotify
import Testing

@testable import SidemanCommands
@testable import SidemanDaemon

/// `sideman play`, `stop`, `setlist` and `status` through the real executable, talking to a
/// daemon over a real control socket. The daemon's band runs without a sound card: the test
/// renders its blocks itself, as the sound card's callback would.
@Suite("sideman play, stop, setlist, status") struct PlayCommandTests {
    final class Rig: @unchecked Sendable {
        let daemon: Daemon
        let state: LiveAudioState
        let server: ControlServer
        let dir: URL
        var socket: String { server.path }

        init(setlist: String = "") throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-play-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            self.dir = dir
            let style = try RenderStyleLoader.load(mediumSwing)
            var config = SidemanConfig()
            config.style.tempo = 120
            config.practice.setlist = setlist
            let d = try Daemon(
                options: ServeOptions(), config: config, styles: StyleSelection(styles: [style], index: 0), notifier: .silent,
                loadStyles: { _ in StyleSelection(styles: [style], index: 0) })
            daemon = d
            let band = LiveBand(styles: [LiveStyle(style)], styleIndex: 0, config: config, sampleRate: 48_000)
            let synth = try Synthesizer(settings: SynthesizerSettings(sampleRate: 48_000, reverb: false, chorus: false, drumChannels: [PracticeConductor.clickChannel]))  // as Daemon+Boot: band kits come with their banks
            let state = LiveAudioState(
                band: band, synth: synth, input: SPSCRing(capacity: 64), pulse: d.pulse,
                timer: CallbackTimer(sampleRate: 48_000, bufferFrames: 256))
            self.state = state
            d.live.withLock { $0 = state }
            server = try ControlServer(path: dir.appendingPathComponent("control.sock").path) { d.answer($0) }
        }

        /// Renders `seconds` of audio blocks, then lets the daemon read what the band did.
        func play(seconds: Double) {
            for _ in 0..<Int(seconds * 48_000 / 64) { state.block(64) }
            daemon.drain(state)
            daemon.practiceTick(state)
        }

        deinit {
            server.stop()
            try? FileManager.default.removeItem(at: dir)
        }
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ChartsCommandTests.binary!)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func theCommandsParseAsTyped() throws {
        let play = try SidemanCommand.parseAsRoot([
            "play", "blues", "--tempo", "132", "--key", "Bb", "--loop", "1-4", "--ramp", "100:160:+10", "--count-in", "2", "--metronome",
            "--mute", "bass,chord1",
        ]) as? PlayCommand
        #expect(play?.request.tempo == 132 && play?.request.key == "Bb" && play?.request.loop == "1-4")
        #expect(play?.request.mute == ["bass", "chord1"] && play?.request.metronome == true && play?.request.countIn == 2)
        #expect(try SidemanCommand.parseAsRoot(["stop"]) is StopCommand)
        #expect(try SidemanCommand.parseAsRoot(["setlist", "next"]) is SetlistCommand.Next)
        #expect(try SidemanCommand.parseAsRoot(["setlist", "load", "x.txt"]) is SetlistCommand.Load)
        #expect(throws: (any Error).self) { try SidemanCommand.parseAsRoot(["mode", "sideways"]) }
    }

    @Test func playThenStatusThenStop() throws {
        guard ChartsCommandTests.binary != nil else { print(ChartsCommandTests.noBinary); return }
        let rig = try Rig()
        let played = try run(["play", "blues-major-f", "--tempo", "120", "--count-in", "1", "--socket", rig.socket])
        #expect(played.status == 0, "\(played.err)")
        #expect(played.out.contains("mode:") && played.out.contains("chart"))
        #expect(played.out.contains("song:") && played.out.contains("blues-major-f"))

        // One bar of count-in, then 2.5 bars of the band: bar 3, beat 3.
        rig.play(seconds: 2 + 4 + 1 + 0.01)
        let status = try run(["status", "--socket", rig.socket])
        #expect(status.status == 0, "\(status.err)")
        #expect(status.out.contains("bar 3 of 12, beat 3"), "\(status.out)")
        #expect(status.out.contains("chord:"))
        #expect(status.out.contains("next chord:"))

        let json = try run(["status", "--json", "--socket", rig.socket])
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(DaemonStatusReport.self, from: Data(json.out.utf8))
        let practice = try #require(report.practice)
        #expect(practice.song == "blues-major-f" && practice.bar == 3 && practice.beat == 3 && practice.phase == "playing")
        #expect(practice.tempo == 120 && practice.chorus == 1)
        let chart = try ChordChart.parse(String(contentsOfFile: projectRoot + "/charts/blues-major-f.chart", encoding: .utf8), source: "blues")
        let plan = try PracticePlan(chart: chart, settings: PracticeSettings(), tempo: Tempo(bpm: 120)!)
        #expect(practice.chord == plan.bar(2)?.changes.last?.symbol)

        let stopped = try run(["stop", "--socket", rig.socket])
        #expect(stopped.status == 0, "\(stopped.err)")
        rig.play(seconds: 0.1)
        #expect(rig.daemon.practiceStatus.phase == "idle")
    }

    /// `sideman status` names what `out` (Sideman:1) plays into, and drops a synth that leaves.
    @Test func statusListsWhatOutIsConnectedTo() throws {
        guard ChartsCommandTests.binary != nil else { print(ChartsCommandTests.noBinary); return }
        let rig = try Rig()
        let synth = SequencerAddress(client: 128, port: 0)
        let daw = SequencerAddress(client: 130, port: 2)
        rig.daemon.snapshot.withLock {
            $0.note(SequencerNotice.connectedOutput(PortInfo(address: synth, clientName: "FLUID Synth (1234)", portName: "Synth input port (1234:0)", isWritable: true)))
            $0.note(SequencerNotice.connectedOutput(PortInfo(address: daw, clientName: "Ardour", portName: "MIDI in", isWritable: true)))
        }
        let text = try run(["status", "--socket", rig.socket])
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("  out to:         128:0 FLUID Synth (1234):Synth input port (1234:0), 130:2 Ardour:MIDI in\n"), "\(text.out)")

        rig.daemon.snapshot.withLock { $0.note(SequencerNotice.portGone(synth)) }
        let json = try run(["status", "--json", "--socket", rig.socket])
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(DaemonStatusReport.self, from: Data(json.out.utf8))
        #expect(report.outputs == ["130:2 Ardour:MIDI in"], "\(json.out)")

        rig.daemon.snapshot.withLock { $0.note(SequencerNotice.portGone(daw)) }
        #expect(try run(["status", "--socket", rig.socket]).out.contains("  out to:         none\n"))
    }

    /// Connections made by hand (`aconnect Sideman:1 …`, `aseqdump -p Sideman:1`) are listed
    /// too, marked; one of `[out] connect`'s undone by hand is no longer listed.
    @Test func statusListsConnectionsMadeByHand() throws {
        guard ChartsCommandTests.binary != nil else { print(ChartsCommandTests.noBinary); return }
        let rig = try Rig()
        let synth = SequencerAddress(client: 128, port: 0)
        let dump = SequencerAddress(client: 131, port: 0)
        rig.daemon.snapshot.withLock {
            $0.note(SequencerNotice.connectedOutput(PortInfo(address: synth, clientName: "FLUID Synth", portName: "Synth input", isWritable: true)))
            $0.note(subscribers: [synth, dump]) { $0 == dump ? "131:0 aseqdump:aseqdump" : nil }
        }
        let text = try run(["status", "--socket", rig.socket])
        #expect(text.out.contains("  out to:         128:0 FLUID Synth:Synth input, 131:0 aseqdump:aseqdump (by hand)\n"), "\(text.out)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var report = try decoder.decode(DaemonStatusReport.self, from: Data(try run(["status", "--json", "--socket", rig.socket]).out.utf8))
        #expect(report.outputs == ["128:0 FLUID Synth:Synth input"])
        #expect(report.outputsByHand == ["131:0 aseqdump:aseqdump"])
        // `aconnect -d Sideman:1 128:0`: the synth no longer listed, though the config named it.
        rig.daemon.snapshot.withLock { $0.note(subscribers: [dump]) { _ in nil } }
        report = try decoder.decode(DaemonStatusReport.self, from: Data(try run(["status", "--json", "--socket", rig.socket]).out.utf8))
        #expect(report.outputs.isEmpty && report.outputsByHand == ["131:0 aseqdump:aseqdump"])
        rig.daemon.snapshot.withLock { $0.note(subscribers: []) { _ in nil } }
        #expect(try run(["status", "--socket", rig.socket]).out.contains("  out to:         none\n"))
    }

    @Test func aSetlistMovesOnByItselfAndByCommand() throws {
        guard ChartsCommandTests.binary != nil else { print(ChartsCommandTests.noBinary); return }
        let rig = try Rig()
        let file = rig.dir.appendingPathComponent("lesson.txt").path
        try """
            # A lesson
            Title = Lesson
            "\(projectRoot)/charts/blues-major-f.chart" --tempo 200 --loop 1-2x1
            ii-v-i-major --tempo 150 --keys fourths
            modal-vamp-dorian
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = try run(["setlist", "load", file, "--socket", rig.socket])
        #expect(loaded.status == 0, "\(loaded.err)")
        #expect(loaded.out.contains("Lesson, song 1 of 3"), "\(loaded.out)")
        // Two bars at 200 BPM: 2.4 s; then the next song starts by itself.
        rig.play(seconds: 3)
        #expect(rig.daemon.practiceStatus.setlistPosition == 2)
        #expect(rig.daemon.practiceStatus.song == "ii-v-i-major")
        let next = try run(["setlist", "next", "--socket", rig.socket])
        #expect(next.out.contains("song 3 of 3"), "\(next.out)")
        let previous = try run(["setlist", "previous", "--json", "--socket", rig.socket])
        #expect(previous.out.contains("\"setlist_position\":2"), "\(previous.out)")
    }

    @Test func aSetlistLoadedAtStartWaitsForTheFootswitch() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-set-\(getpid()).txt").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "Title = Gig\nmodal-vamp-dorian --tempo 90\nfunk-vamp-e9\n".write(toFile: file, atomically: true, encoding: .utf8)
        let config = try SidemanConfig.parse("[practice]\nsetlist = \"\(file)\"\ntempo_step = 2\nlooper_bars = 8\n")
        #expect(config.practice.setlist == file && config.practice.tempoStep == 2 && config.practice.looperBars == 8)
        let rig = try Rig(setlist: file)
        rig.daemon.loadStartSetlist()
        rig.play(seconds: 0.1)
        #expect(rig.daemon.practiceStatus.setlist == "Gig" && rig.daemon.practiceStatus.song == nil)
        #expect(rig.daemon.practiceStatus.mode == "chart")
        // The footswitch (CC 85, pressed) on the keyboard: the first song plays.
        rig.state.input.push(InputEvent(source: SequencerAddress(client: 20, port: 0), event: .controlChange(channel: 0, controller: 85, value: 127), receivedNanoseconds: 0))
        rig.play(seconds: 0.1)
        #expect(rig.daemon.practiceStatus.song == "modal-vamp-dorian")
        #expect(rig.daemon.practiceStatus.setlistPosition == 1)
    }

    @Test func refusalsAreOneLine() throws {
        guard ChartsCommandTests.binary != nil else { print(ChartsCommandTests.noBinary); return }
        let rig = try Rig()
        let unknown = try run(["play", "no-such-song", "--socket", rig.socket])
        #expect(unknown.status != 0)
        #expect(unknown.err == "sideman play: no song named 'no-such-song' (sideman charts list shows them)\n")
        let badLoop = try run(["play", "blues-major-f", "--loop", "9-40", "--socket", rig.socket])
        #expect(badLoop.err.hasPrefix("sideman play: blues-major-f: loop 9-40: the song has 12 bars"), "\(badLoop.err)")
        let missing = try run(["setlist", "load", "/nonexistent.txt", "--socket", rig.socket])
        #expect(missing.err == "sideman setlist load: /nonexistent.txt: no such file\n")
        let nobody = try run(["stop", "--socket", rig.dir.appendingPathComponent("none.sock").path])
        #expect(nobody.status != 0 && nobody.err.contains("no daemon listening"))
    }
}
