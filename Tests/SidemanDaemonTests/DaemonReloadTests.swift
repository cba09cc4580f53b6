import FluidSynthOutput
import Foundation
import StyleEngine
import Testing

@testable import SidemanDaemon

/// SIGHUP's reload against a real synthesizer-backed audio state (no sound card: the test
/// plays the audio thread's part by calling `block` itself).
@Suite struct DaemonReloadTests {
    static func liveState(_ daemon: Daemon) throws -> LiveAudioState {
        let band = LiveBand(
            styles: daemon.initialStyles.styles.map(LiveStyle.init), styleIndex: 0, config: daemon.initialConfig, sampleRate: 48_000)
        let synth = try Synthesizer(settings: SynthesizerSettings(sampleRate: 48_000))
        return LiveAudioState(
            band: band, synth: synth, input: .init(capacity: 16), pulse: daemon.pulse,
            timer: CallbackTimer(sampleRate: 48_000, bufferFrames: 256))
    }

    @Test func aBadFileIsOneLineAndChangesNothing() throws {
        let dir = try DaemonControlTests.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("sideman.toml").path
        try "[style]\nname = \"bossa-nova\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let log = LogCollector()
        let daemon = try DaemonControlTests.daemon(configPath: file, log: log)
        let state = try Self.liveState(daemon)
        daemon.live.withLock { $0 = state }

        try "[style]\nname = \"rock-8beat\"\n[keyboard]\nsplit_point = 200\n".write(toFile: file, atomically: true, encoding: .utf8)
        daemon.reload()
        let refused = log.matching("reload refused")
        #expect(refused.count == 1)
        #expect(refused.first?.contains("\(file):4: keyboard.split_point: must be 0…127, not 200") == true, "\(refused)")
        #expect(state.reconfigurations.count == 0)
        #expect(daemon.report.reloads == 0)
        #expect(daemon.report.lastReloadError?.contains("keyboard.split_point") == true)
        state.block(64)
        #expect(state.band.style.name == "bossa-nova")
    }

    @Test func aGoodFileReachesTheBandAndComesBackToBeFreed() throws {
        let dir = try DaemonControlTests.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("sideman.toml").path
        try "[style]\nname = \"bossa-nova\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let log = LogCollector()
        let daemon = try DaemonControlTests.daemon(configPath: file, log: log)
        let state = try Self.liveState(daemon)
        daemon.live.withLock { $0 = state }

        try "[style]\nname = \"rock-8beat\"\ntempo = 150\n[keyboard]\nsplit_point = 60\n".write(toFile: file, atomically: true, encoding: .utf8)
        daemon.reload()
        #expect(log.matching("reloaded").count == 1)
        #expect(state.reconfigurations.count == 1)
        state.block(64)
        #expect(state.reconfigurations.count == 0)
        #expect(state.retired.count >= 1, "the replaced styles wait to be freed off the audio thread")
        #expect(state.band.style.name == "rock-8beat")
        #expect(state.band.keyboard.settings.splitPoint == 60)
        let (index, blocks) = (daemon.pulse.styleIndex.load(ordering: .relaxed), daemon.pulse.blocks.load(ordering: .relaxed))
        #expect(index == 1)
        #expect(blocks == 1)
        daemon.drain(state)
        #expect(state.retired.count == 0)
        let report = daemon.report
        #expect(report.style == "rock-8beat")
        #expect(report.tempo == 150)
        #expect(report.reloads == 1)
    }

    @Test func withoutARunningBandAReloadIsRefusedPolitely() throws {
        let log = LogCollector()
        let daemon = try DaemonControlTests.daemon(log: log)
        daemon.reload()
        #expect(log.matching("the band is not running yet").count == 1)
    }
}
