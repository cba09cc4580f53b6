import Foundation
import MusicCore
import Testing

@testable import StyleEngine

/// The 52 real Yamaha styles in ../shared/testdata/yamaha-styles (skipped, and said so,
/// when the directory is absent).
enum YamahaTestFiles {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/yamaha-styles")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { YamahaStyleReader.fileExtensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
    }

    static var available: Bool { !names.isEmpty }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

@Suite(.enabled(if: YamahaTestFiles.available, "skipped: no Yamaha styles at ../shared/testdata/yamaha-styles"))
struct YamahaRealStyleTests {
    @Test func allFiftyTwoArePresent() {
        #expect(YamahaTestFiles.names.count == 52)
    }

    @Test(arguments: YamahaTestFiles.names)
    func styleLoadsAndIsSane(name: String) throws {
        let bytes = try YamahaTestFiles.bytes(name)
        #expect(YamahaStyleReader.isYamahaStyle(bytes))
        let imported = try YamahaStyleReader.importStyle(bytes, fileName: name)
        let style = imported.style
        #expect((40...300).contains(style.tempo.bpm), "tempo \(style.tempo)")
        #expect(!style.name.isEmpty && !style.title.isEmpty)
        // Every section of these files is a whole number of bars.
        #expect(!imported.notes.contains { $0.contains("not a whole number of bars") }, "\(imported.notes)")
        let mains = style.sectionIDs.filter(\.isMain)
        #expect(!mains.isEmpty)
        for id in mains {
            let section = try #require(style.sections[id])
            let count = section.parts.values.joined().map(\.notes.count).reduce(0, +)
            #expect(count > 0, "\(id) has no notes")
        }
        for (id, section) in style.sections {
            #expect(section.length > 0 && section.length % style.meter.ticksPerBar() == 0, "\(id) length \(section.length)")
            for (part, tracks) in section.parts {
                #expect(style.parts[part] != nil, "\(id) \(part) has no setup")
                #expect(imported.trackTables[id]?[part]?.count == tracks.count)
                for track in tracks {
                    #expect(!track.notes.isEmpty)
                    // Every note starts inside the section and ends by its end.
                    for note in track.notes {
                        #expect(note.tick >= 0 && note.tick < section.length && note.duration > 0)
                        #expect(note.tick + note.duration <= section.length)
                    }
                    #expect(track.rules.lowLimit <= track.rules.highLimit)
                }
            }
        }
        // A source chord for every pitched track; drums (bypass + fixed) keep it as written.
        let pitched = style.sections.values.flatMap { $0.parts.values.joined() }.filter { $0.rules.table != .bypass }
        #expect(!pitched.isEmpty)
        #expect(pitched.allSatisfy { ChordType.allCases.contains($0.rules.sourceChord.type) })
        // Rhythm parts sound like drum kits in most styles; at least one part is a kit.
        #expect(style.parts.values.contains { $0.isDrumKit })
    }

    /// A C major phrase channel (source chord C-something major, not a minor-only channel)
    /// must play on C Maj: checks the mask bit order against what the files say.
    @Test(arguments: YamahaTestFiles.names)
    func majorWrittenTracksPlayOnMajor(name: String) throws {
        let style = try YamahaStyleReader.read(try YamahaTestFiles.bytes(name), fileName: name)
        let main = try #require(style.sections[.main(.a)])
        let cMajor = Chord(root: .c, type: .major)
        let cMinor = Chord(root: .c, type: .minor)
        for part in PartID.allCases where !(main.parts[part] ?? []).isEmpty {
            let tracks = main.parts[part]!
            // Each part of Main A has some track that plays on C major and some on C minor.
            #expect(tracks.contains { $0.rules.plays(on: cMajor) }, "\(part) silent on C")
            if !part.isRhythm { #expect(tracks.contains { $0.rules.plays(on: cMinor) }, "\(part) silent on Cm") }
        }
    }

    @Test func summary() throws {
        var loaded = 0
        var failures: [String] = []
        var sff2 = 0, notes = 0, tracks = 0
        for name in YamahaTestFiles.names {
            do {
                let imported = try YamahaStyleReader.importStyle(try YamahaTestFiles.bytes(name), fileName: name)
                loaded += 1
                if imported.version == .sff2 { sff2 += 1 }
                for section in imported.style.sections.values {
                    for track in section.parts.values.joined() {
                        tracks += 1
                        notes += track.notes.count
                    }
                }
            } catch {
                failures.append("\(error)")
            }
        }
        print("Yamaha styles: \(loaded) of \(YamahaTestFiles.names.count) loaded (\(sff2) SFF2), \(tracks) tracks, \(notes) notes")
        for failure in failures { print("  failed: \(failure)") }
        #expect(loaded == YamahaTestFiles.names.count, "\(failures)")
    }
}
