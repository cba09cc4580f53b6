import Foundation
import MusicCore
import StyleEngine
import Testing

@testable import SidemanCommands

enum InspectTestFiles {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/yamaha-styles")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static var available: Bool { FileManager.default.fileExists(atPath: path("16BeatBallad2.S014.prs")) }

    static func report(_ name: String) throws -> StylesInspectReport {
        let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
        return StylesInspectReport(try YamahaStyleReader.importStyle(bytes, fileName: name))
    }
}

@Suite(.enabled(if: InspectTestFiles.available, "skipped: no Yamaha styles at ../shared/testdata/yamaha-styles"))
struct StylesInspectCommandTests {
    @Test func parsesFileAndJSONFlag() throws {
        let command = try StylesInspectCommand.parseAsRoot(["Foo.sty", "--json"]) as! StylesInspectCommand
        #expect(command.file == "Foo.sty")
        #expect(command.json)
        #expect(StylesInspectCommand.configuration.commandName == "inspect")
    }

    @Test func textNamesTempoMeterSectionsPartsAndRules() throws {
        let report = try InspectTestFiles.report("16BeatBallad2.S014.prs")
        let text = report.text
        print(text)
        #expect(text.hasPrefix("16BeatBallad2 (16beatballad2) — Yamaha SFF1, 1920 ticks per quarter\n"))
        // Tempo 0x0DDF22 µs per quarter = 66 BPM; 4/4.
        #expect(text.contains("Tempo: 66 BPM   Meter: 4/4"))
        #expect(text.contains("Main A (2 bars)"))
        #expect(text.contains("Main D (4 bars)"))
        #expect(text.contains("Break (1 bar)"))
        // The bass channel: Ctab NTT bass overridden by Cntt 0x81 = melody + bass on, limits E1 up.
        #expect(text.contains("bass     ch 11 \"Bass\""))
        #expect(text.contains("melody+bass, root trans, high key Ab, E1–G9, pitchShiftToRoot"))
        // Minor-only tracks of Intro B say which chord types they play on.
        #expect(text.contains("types m m6 m7 m7b5 m(9) m7(9) m7(11) mM7 mM7(9) dim dim7"))
        #expect(report.parts.first { $0.part == "rhythm1" }?.drumKit == true)
        #expect(report.parts.first { $0.part == "bass" }?.program == 33)
    }

    @Test func jsonRoundTripsTheSameReport() throws {
        let report = try InspectTestFiles.report("MrMac'sBlues.T148.STY")
        let decoded = try JSONDecoder().decode(StylesInspectReport.self, from: Data(report.json.utf8))
        #expect(decoded == report)
        #expect(report.format == "SFF2")
        #expect(report.sections.contains { $0.section == "Main A" && !$0.tracks.isEmpty })
        #expect(report.notes.contains { $0.contains("Mega Voice") })
    }

    @Test func userSectionsAreListedAsSkipped() throws {
        let report = try InspectTestFiles.report("ClubBeat.S130.prs")
        #expect(report.skippedMarkers == ["Ending D"])
        #expect(report.text.contains("Skipped sections: Ending D"))
    }

    @Test func maskDescriptions() {
        #expect(StylesInspectReport.roots(0x0FFF) == "all")
        #expect(StylesInspectReport.roots(0) == "none")
        #expect(StylesInspectReport.roots(0x0F03) == "C Db Ab A Bb B")
        #expect(StylesInspectReport.types(TranspositionRules.allTypes) == "all")
        #expect(StylesInspectReport.types(0x07_FFFF_FFFF) == "all + no chord")
        #expect(StylesInspectReport.types(0x04_0000_0000) == "none + no chord")
        #expect(StylesInspectReport.types(TranspositionRules.allTypes & ~1) == "all but Maj")
        #expect(StylesInspectReport.types(0b101) == "Maj M7")
    }
}
