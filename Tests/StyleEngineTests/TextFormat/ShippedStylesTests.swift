import Foundation
import MusicCore
import Testing
@testable import StyleEngine

@Suite struct ShippedStylesTests {
    static let required: [SectionID] =
        [.intro(1)] + SectionID.MainVariation.allCases.flatMap { [SectionID.main($0), .fill($0)] } + [.breakFill, .ending(1)]

    static let expectedNames = ["blues-shuffle", "bossa-nova", "medium-swing", "rock-8beat"]

    static func load() throws -> [Style] {
        try StyleFixtures.shippedStyleFiles().map { url in
            try StyleTextFormat.parse(String(contentsOf: url, encoding: .utf8), fileName: "styles/" + url.lastPathComponent)
        }
    }

    @Test func theFourStylesAreShipped() throws {
        let names = try Self.load().map(\.name)
        for name in Self.expectedNames {
            #expect(names.contains(name), "styles/\(name).style")
        }
        #expect(Set(names).count == names.count)
    }

    @Test func everyStyleHasEverySectionAndFullLengthParts() throws {
        for style in try Self.load() {
            for id in Self.required {
                #expect(style.sections[id] != nil, "\(style.name) lacks \(id.name)")
            }
            for (id, section) in style.sections {
                let bar = style.meter.ticksPerBar()
                #expect(section.length % bar == 0 && section.length >= bar, "\(style.name) \(id.name)")
                for (part, tracks) in section.parts {
                    #expect(style.parts[part] != nil)
                    for track in tracks {
                        #expect(!track.notes.isEmpty, "\(style.name) \(id.name) \(part.key) is empty")
                        #expect(track.notes.allSatisfy { $0.tick >= 0 && $0.tick < section.length && $0.duration > 0 })
                    }
                }
            }
            #expect(style.sections[.main(.a)]?.parts[.rhythm1] != nil, "\(style.name) main A has drums")
            #expect(style.sections[.main(.a)]?.parts[.bass] != nil, "\(style.name) main A has bass")
        }
    }

    /// Written notes sit in the instrument's real range (the part's note limits).
    @Test func notesAreWrittenInTheirInstrumentsRange() throws {
        for style in try Self.load() {
            for (id, section) in style.sections {
                for (part, tracks) in section.parts where !part.isRhythm {
                    for track in tracks {
                        let low = track.rules.lowLimit, high = track.rules.highLimit
                        for note in track.notes {
                            #expect(
                                note.note >= low && note.note <= high,
                                "\(style.name) \(id.name) \(part.key): \(NoteName.name(of: note.note)) outside \(NoteName.name(of: low))-\(NoteName.name(of: high))")
                        }
                    }
                }
            }
            let bass = try #require(style.sections[.main(.a)]?.parts[.bass]?.first?.rules)
            #expect(bass.lowLimit >= NoteName.parse("E1")! && bass.highLimit <= NoteName.parse("C4")!)
        }
    }

    @Test func mainsRiseInEnergy() throws {
        // More notes (or louder ones) from Main A to Main D.
        for style in try Self.load() {
            let energy = SectionID.MainVariation.allCases.map { v -> Double in
                guard let s = style.sections[.main(v)] else { return 0 }
                let notes = s.parts.values.flatMap { $0.flatMap(\.notes) }
                let perBar = Double(notes.reduce(0) { $0 + $1.velocity.intValue }) / Double(s.bars(meter: style.meter))
                return perBar
            }
            #expect(zip(energy, energy.dropFirst()).allSatisfy { $0 < $1 }, "\(style.name): \(energy)")
        }
    }

    @Test func expectedFeelsAndTempos() throws {
        let styles = Dictionary(uniqueKeysWithValues: try Self.load().map { ($0.name, $0) })
        if let swing = styles["medium-swing"] {
            #expect(abs(swing.feel.ratio - 0.62) < 0.02)
            #expect((110...180).contains(swing.tempo.bpm))
        }
        if let shuffle = styles["blues-shuffle"] { #expect(shuffle.feel == .shuffle) }
        if let rock = styles["rock-8beat"] { #expect(rock.feel == .straight) }
        if let bossa = styles["bossa-nova"] {
            #expect(bossa.feel == .straight)
            #expect((125...150).contains(bossa.tempo.bpm))
        }
    }
}
