import Testing

@testable import SidemanDaemon

@Suite("[record] settings") struct ConfigRecordTests {
    @Test func defaults() throws {
        let record = try SidemanConfig.parse("").record
        #expect(record.mode == .off)
        #expect(record.folder == "/var/lib/sideman/recordings")
        #expect(record.format == "flac")
        #expect(record.keepDays == nil)
        #expect(record.input == nil)
    }

    @Test func everyKey() throws {
        let record = try SidemanConfig.parse("""
            [record]
            mode = "armed"
            folder = "/srv/takes"
            format = "wav"
            stop_after_silence = 4.5
            min_free_mb = 50
            keep_days = 30
            input = "hw:1,0"
            """).record
        #expect(record.mode == .armed)
        #expect(record.folder == "/srv/takes")
        #expect(record.format == "wav")
        #expect(record.stopAfterSilence == 4.5)
        #expect(record.minFreeMB == 50)
        #expect(record.keepDays == 30)
        #expect(record.input == "hw:1,0")
    }

    @Test(arguments: [
        ("mode = \"sometimes\"", "record.mode"), ("folder = \"takes\"", "record.folder"), ("format = \"mp3\"", "record.format"),
        ("stop_after_silence = 0", "record.stop_after_silence"), ("min_free_mb = -1", "record.min_free_mb"),
        ("input = \"\"", "record.input"), ("colour = 1", "record.colour"),
    ])
    func badValuesNameFileLineAndKey(line: String, key: String) {
        do {
            _ = try SidemanConfig.parse("[record]\n\(line)\n", file: "x.toml")
            Issue.record("accepted \(line)")
        } catch {
            #expect("\(error)".contains("x.toml"))
            #expect("\(error)".contains(key))
            #expect("\(error)".contains("x.toml:2"))
        }
    }

    @Test func recordIsAControl() throws {
        #expect(ControlAction(key: "record") == .record)
        let config = try SidemanConfig.parse("[control.map]\nrecord = \"cc 85\"\n")
        #expect(config.control.triggers.values.contains(.record))
    }
}
