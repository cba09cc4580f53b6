import Foundation
import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// The project root, from this file's place in Tests/ArrangerTests.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private func files(in folder: URL) -> [URL] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0) }
}

/// Plays a style through a chord progression with section changes, with odd block sizes,
/// and checks the band is clean: paired notes, silence after stop, something played.
private func playThrough(_ style: Style, name: String) {
    var g = SplitMix(state: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
    var h = Harness(style: style, sampleRate: 44_100, seed: 5)
    h.send(.section(.intro(1)))
    let chords: [Chord?] = [
        Chord(root: .c, type: .major7), Chord(root: .a, type: .minor7), Chord(root: .d, type: .minor9),
        Chord(root: .g, type: .thirteen), Chord(root: .fSharp, type: .minor7Flat5), Chord(root: .b, type: .sevenFlat9),
        Chord(root: .e, type: .minor, bass: .d), nil, Chord(root: .bFlat, type: .sus4), Chord(root: .aFlat, type: .augmented),
        Chord(root: .eFlat, type: .diminished7), Chord(root: .f, type: .sixNine),
    ]
    let sections: [SectionID] = [.main(.b), .fill(.c), .breakFill, .main(.d), .main(.a), .ending(1)]
    var chordAt: [(sample: Int, chord: Chord?)] = [(0, nil)]
    for step in 0..<36 {
        h.run(Int.random(in: 10_000...40_000, using: &g), blocks: [64, 63, 1, 300])
        h.send(.chord(chords[step % chords.count]))
        chordAt.append((h.sample, chords[step % chords.count]))
        if step % 6 == 5 { h.send(.section(sections[(step / 6) % sections.count])) }
    }
    h.run(44_100 * 20, blocks: [64])  // the ending plays out and the band stops
    h.send(.stop)
    h.run(64)
    #expect(checkPairing(h.render.events).isEmpty, "\(name): notes left sounding")
    #expect(h.render.noteOns.count > 50, "\(name): played \(h.render.noteOns.count) notes")
    #expect(h.render.noteOns.contains { $0.value.part?.isRhythm == false }, "\(name): no accompaniment notes")
    #expect(!h.engine.status.isRunning)

    // Parts that follow the chord table everywhere play only chord tones.
    var tables: [PartID: Set<NoteTable>] = [:]
    for section in style.sections.values {
        for (part, tracks) in section.parts { for t in tracks { tables[part, default: []].insert(t.rules.table) } }
    }
    let chordParts = Set(tables.filter { !$0.key.isRhythm && $0.value.isSubset(of: [.chord, .guitar]) }.keys)
    var wrong = 0
    for on in h.render.noteOns {
        guard let part = on.value.part, chordParts.contains(part), let key = on.value.event.key else { continue }
        guard let chord = chordAt.last(where: { $0.sample <= on.sample })?.chord else {
            Issue.record("\(name): \(part) played \(key) with no chord at \(on.sample)")
            continue
        }
        // The slash bass counts: "bass on" chord tables play it in place of the root.
        if !chord.pitchClasses.contains(PitchClass(wrapping: key)) { wrong += 1 }
    }
    #expect(wrong == 0, "\(name): \(wrong) chord-table notes outside their chord")
}

@Test func shippedStylesPlayCleanly() throws {
    let styles = files(in: projectRoot.appendingPathComponent("styles")).filter { $0.pathExtension == "style" }
    try #require(!styles.isEmpty, "skipped: no styles/ folder at \(projectRoot.path)")
    for url in styles {
        let text = try String(contentsOf: url, encoding: .utf8)
        let style = try StyleTextFormat.parse(text, fileName: url.lastPathComponent)
        playThrough(style, name: url.lastPathComponent)
    }
}

/// The real Yamaha styles beside the project (`../shared/testdata/yamaha-styles`), if any.
private let yamahaFolder = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata/yamaha-styles")

@Test(.enabled(if: !files(in: yamahaFolder).isEmpty, "skipped: no Yamaha test styles at ../shared/testdata/yamaha-styles"))
func yamahaStylesPlayCleanly() throws {
    let urls = files(in: yamahaFolder)
    var played = 0
    for url in urls {
        let bytes = [UInt8]((try? Data(contentsOf: url)) ?? Data())
        guard YamahaStyleReader.isYamahaStyle(bytes), let style = try? YamahaStyleReader.read(bytes, fileName: url.lastPathComponent)
        else { continue }
        playThrough(style, name: url.lastPathComponent)
        played += 1
    }
    #expect(played >= 40, "only \(played) of \(urls.count) Yamaha styles imported")
}
