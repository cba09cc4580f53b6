import Foundation
import Testing

@testable import SidemanDaemon

/// The daemon's take recorder is made from the whole configuration, not `[record]` alone.
@Suite struct DaemonRecordTests {
    /// The band's playback clock starts again when the driver's lead over the card moves by
    /// more than two periods (a restarted stream): the card's period, not a fixed 256 frames.
    @Test(arguments: [128, 256, 512])
    func theRecorderKnowsTheBandsPeriod(period: Int) throws {
        var config = SidemanConfig()
        config.audio.periodSize = period
        config.record.input = "hw:9,0"
        config.record.folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-period-\(UUID().uuidString.prefix(8))").path
        let daemon = try DaemonControlTests.daemon(config: config)
        #expect(daemon.makeRecorder(config).bandPeriodSize == period)
    }
}
