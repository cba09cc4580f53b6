import Foundation
import Testing

@testable import SidemanDaemon

/// What the daemon shows of sound card restarts, and the audio-stop fault's absence in a
/// product build. (The restart itself: AudioOutputRestartTests; live: e2e audio-recovery.)
@Suite struct DaemonAudioRecoveryTests {
    @Test func restartsAreInTheStatus() throws {
        let daemon = try DaemonControlTests.daemon()
        #expect(daemon.report.audioRestarts == 0)
        daemon.snapshot.withLock { $0.audioRestarts = 2 }
        let report = daemon.report
        #expect(report.audioRestarts == 2)
        #expect(report.text.contains("audio restarts: 2"))
        let json = daemon.answer("status")
        #expect(json.contains("\"audio_restarts\":2"))
    }

    @Test func audioStopFaultOnlyInTestBuilds() throws {
        let daemon = try DaemonControlTests.daemon()
        let reply = daemon.answer("fault audio-stop")
        let requested = daemon.pulse.audioStopRequested.load(ordering: .relaxed)
        #if SIDEMAN_FAULT_INJECTION
            #expect(reply == "ok: audio driver stopped\n")
            #expect(requested)
        #else
            #expect(reply == "error: fault injection is not in this build\n")
            #expect(!requested)
        #endif
    }

    @Test func audioHoldFaultOnlyInTestBuilds() throws {
        let daemon = try DaemonControlTests.daemon()
        let hold = daemon.answer("fault audio-hold")
        let held = daemon.pulse.audioHoldRequested.load(ordering: .relaxed)
        let release = daemon.answer("fault audio-release")
        let released = daemon.pulse.audioHoldRequested.load(ordering: .relaxed)
        #if SIDEMAN_FAULT_INJECTION
            #expect(hold == "ok: audio driver held\n" && held == 1)
            #expect(release == "ok: audio driver released\n" && released == 2)
        #else
            #expect(hold == "error: fault injection is not in this build\n" && held == 0)
            #expect(release == "error: fault injection is not in this build\n" && released == 0)
        #endif
    }

    @Test func theDetectorFollowsTheConfiguredPeriod() throws {
        var config = SidemanConfig()
        config.audio.periodSize = 2048
        let daemon = try DaemonControlTests.daemon(config: config)
        let threshold = daemon.audioStallDetector().thresholdNanoseconds
        #expect(threshold == Int64(20 * 2048) * 1_000_000_000 / Int64(config.audio.sampleRate))
    }
}
