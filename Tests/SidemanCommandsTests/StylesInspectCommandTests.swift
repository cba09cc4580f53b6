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
        #expect(report.format == "Yamaha SFF1")
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
        #expect(text.contains("bass     ch 11  Electric Bass (finger)   program 33  bank 0/0"))
        #expect(text.contains("rhythm1  ch 9   Drum kit 1"))
    }

    @Test func jsonRoundTripsTheSameReport() throws {
        let report = try InspectTestFiles.report("MrMac'sBlues.T148.STY")
        let decoded = try JSONDecoder().decode(StylesInspectReport.self, from: Data(report.json.utf8))
        #expect(decoded == report)
        #expect(report.format == "Yamaha SFF2")
        #expect(report.sections.contains { $0.section == "Main A" && !$0.tracks.isEmpty })
        #expect(report.notes.contains { $0.contains("Mega Voice") })
        // The Mega Voice bass (bank 8/1, program 17) plays as GM finger bass.
        #expect(report.parts.first { $0.part == "bass" }?.instrument == "Electric Bass (finger)")
    }

    @Test func userSectionsAreListedAsSkipped() throws {
        let report = try InspectTestFiles.report("ClubBeat.S130.prs")
        #expect(report.skippedMarkers == ["Ending D"])
        #expect(report.text.contains("Skipped sections: Ending D"))
    }

}

/// Inspection that needs no test data.
@Suite struct StylesInspectReportTests {
    @Test func textStylesAreInspectedToo() throws {
        let styleFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("styles/medium-swing.style")
        let bytes = Array(try Data(contentsOf: styleFile))
        let report = try StylesInspectCommand.report(bytes, fileName: "medium-swing.style")
        #expect(report.format == "text style")
        #expect(report.text.contains("— text style, 1920 ticks per quarter"))
        #expect(report.sections.contains { $0.section == "Main A" && !$0.tracks.isEmpty })
        #expect(report.sections.allSatisfy { $0.tracks.allSatisfy { $0.sourceChannel == nil } })
    }

    @Test func unreadableInputsSayWhy() {
        #expect(throws: StylesInspectCommand.Failure.self) {
            try StylesInspectCommand.report([0x4D, 0x54, 0x68, 0x64, 0, 0], fileName: "a.sty")
        }
        do {
            _ = try StylesInspectCommand.report(Array("no such style format".utf8), fileName: "b.style")
            Issue.record("accepted text that is not a style")
        } catch {
            #expect(error.message.hasPrefix("b.style"))
        }
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

/// A real style with a stray status-like byte in its MIDI track, through the command line:
/// it loads, and the notes say what was skipped.
@Suite(.enabled(if: InspectTestFiles.available, "skipped: no Yamaha styles at ../shared/testdata/yamaha-styles"),
       .enabled(if: SidemanExecutable.path != nil, "\(SidemanExecutable.missing)"))
struct StylesInspectDamagedTests {
    @Test func aDamagedEventIsANote() throws {
        let name = "16BeatBallad2.S014.prs"
        let bytes = Array(try Data(contentsOf: InspectTestFiles.directory.appendingPathComponent(name)))
        // MThd (14 bytes), then the MTrk header; insert 0xEE inside the track and grow its length.
        let length = bytes[18..<22].reduce(0) { $0 << 8 | Int($1) }
        var damaged: [UInt8]? = nil
        for at in stride(from: 22 + 400, to: 22 + length, by: 7) {
            var copy = bytes
            copy.insert(0xEE, at: at)
            let grown = length + 1
            copy[18..<22] = [UInt8(grown >> 24), UInt8(grown >> 16 & 0xFF), UInt8(grown >> 8 & 0xFF), UInt8(grown & 0xFF)][...]
            if (try? MIDIFile.read(Array(copy.prefix(22 + grown)))) == nil, (try? YamahaStyleReader.importStyle(copy, fileName: name)) != nil {
                damaged = copy
                break
            }
        }
        let copy = try #require(damaged, "no place in the track where an inserted byte is damage that can be repaired")
        let path = temporaryFile("Damaged.S014.prs")
        try Data(copy).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let json = try SidemanExecutable.run(["styles", "inspect", path, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let notes = report["notes"] as? [String] ?? []
        #expect(notes.contains { $0.hasPrefix("1 damaged event skipped (track 1 at byte ") }, "\(notes)")
        let text = try SidemanExecutable.run(["styles", "inspect", path])
        #expect(text.stdout.contains("1 damaged event skipped"), "\(text.stdout.suffix(600))")
    }
}
