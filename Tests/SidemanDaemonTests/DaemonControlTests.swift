import ControlSocket
import Foundation
import StyleEngine
import SystemdNotify
import Testing

@testable import SidemanDaemon

/// The daemon's answers over a real control socket (a unix socket in a temporary folder): what
/// `sideman status` receives, the fault hook's absence in a product build.
@Suite struct DaemonControlTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-ctl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func daemon(config: SidemanConfig = SidemanConfig(), configPath: String? = nil, log: LogCollector = LogCollector()) throws -> Daemon {
        let styles = try [style("bossa-nova"), style("rock-8beat"), style("medium-swing")]
        return try Daemon(
            options: ServeOptions(configPath: configPath), config: config,
            styles: StyleSelection(styles: styles, index: 0), logger: log.logger,
            notifier: .silent  // this process's NOTIFY_SOCKET belongs to the notifier's own tests
        ) { config in
            let index = styles.firstIndex { $0.name == config.style.name } ?? 0
            return StyleSelection(styles: styles, index: index)
        }
    }

    @Test func statusOverTheSocket() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let daemon = try Self.daemon()
        let path = dir.appendingPathComponent("run/control.sock").path  // the folder is made
        let server = try ControlServer(path: path) { daemon.answer($0) }
        defer { server.stop() }
        let reply = try ControlClient.request("status", socket: path)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(DaemonStatusReport.self, from: Data(reply.utf8))
        #expect(report.state == "starting")
        #expect(report.style == "bossa-nova")
        #expect(report.audioDevice == "default")
        #expect(report.blocks == 0)
        #expect(report.pid == getpid())
        #expect(report.text.contains("late callbacks: 0 (of 0 blocks)"))
        let memory = try #require(report.memory)
        #expect(memory.residentKilobytes > 1024 && memory.heapInUseKilobytes > 0 && memory.heapInUseKilobytes < memory.residentKilobytes * 4)
        #expect(report.text.contains("memory:") && report.text.contains("resident; heap"))

        #expect(try ControlClient.request("nonsense", socket: path).hasPrefix("error: unknown request 'nonsense'"))
        let fault = try ControlClient.request("fault stall", socket: path)
        #if SIDEMAN_FAULT_INJECTION
            #expect(fault == "ok: engine stalled\n")
            let stalled = daemon.pulse.stalled.load(ordering: .relaxed)
            #expect(stalled)
        #else
            #expect(fault == "error: fault injection is not in this build\n")
            let stalled = daemon.pulse.stalled.load(ordering: .relaxed)
            #expect(!stalled)
        #endif
    }

    @Test func summaryLines() {
        var report = DaemonStatusReport(
            state: "waiting", waitingFor: "sound card hw:1,0", style: "bossa-nova", tempo: 120, playing: false, inputs: [],
            audioDevice: "hw:1,0", sampleRate: 48000, periodSize: 128, periods: 2, blocks: 0, lateCallbacks: 0,
            uptimeSeconds: 3, configFile: nil, reloads: 0, lastReloadError: nil, pid: 1)
        #expect(report.summary == "bossa-nova, 120 bpm: waiting for sound card hw:1,0")
        report.state = "running"
        report.waitingFor = "a keyboard"
        #expect(report.summary == "bossa-nova, 120 bpm: waiting for a keyboard")
        report.waitingFor = nil
        report.playing = true
        report.section = "Main A"
        report.chord = "C7"
        report.tempo = 97.5
        #expect(report.summary == "bossa-nova, 97.5 bpm: playing Main A, C7")
    }
}
