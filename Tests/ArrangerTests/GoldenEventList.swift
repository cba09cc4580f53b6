import Foundation
import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// Turns a render into text, one block per part and one line per note:
/// `tick channel note velocity duration` (channel counted from 1, ticks at 1920 PPQ).
/// Golden files live in Tests/ArrangerTests/Golden/; `SIDEMAN_RECORD_GOLDEN=1` rewrites
/// them, otherwise a render must match its file exactly.
enum GoldenEventList {
    /// `samplesPerTick` as the reduced rational the engine uses (constant tempo only).
    static func text(_ render: Render, tempo: Tempo, sampleRate: Int) -> String {
        let (num, den) = SampleClock.reduced(tempo.samplesPerTick(sampleRate: sampleRate))
        func tick(_ sample: Int) -> Int { sample * den / num }
        var open: [[Int]: (tick: Int, velocity: Int, part: PartID?)] = [:]
        var lines: [PartID?: [String]] = [:]
        for e in render.events {
            switch e.value.event {
            case .noteOn(let ch, let n, let v) where v.rawValue > 0:
                open[[ch.intValue, n.intValue]] = (tick(e.sample), v.intValue, e.value.part)
            case .noteOff(let ch, let n, _), .noteOn(let ch, let n, _):
                if let o = open.removeValue(forKey: [ch.intValue, n.intValue]) {
                    lines[o.part, default: []].append(
                        "\(o.tick) \(ch.intValue + 1) \(n.intValue) \(o.velocity) \(tick(e.sample) - o.tick)")
                }
            default:
                break
            }
        }
        var out = ""
        for part in PartID.allCases {
            guard let l = lines[part] else { continue }
            out += "# \(part.key)\n" + l.joined(separator: "\n") + "\n"
        }
        return out
    }

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["SIDEMAN_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do {
                try text.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.path): record it with SIDEMAN_RECORD_GOLDEN=1",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1): expected '\($0.element.0)', got '\($0.element.1)'" }
                ?? "lengths differ: \(a.count) vs \(b.count) lines"
            Issue.record("\(name).txt differs at \(where_)", sourceLocation: sourceLocation)
        }
    }
}

/// A chart played bar by bar: a chord (or nil) per half bar.
private func playChart(_ style: Style, chart: [Chord?], sections: [Int: SectionID], sampleRate: Int = 48_000) -> String {
    var h = Harness(style: style, sampleRate: sampleRate, seed: 42)
    let (num, den) = SampleClock.reduced(style.tempo.samplesPerTick(sampleRate: sampleRate))
    let half = style.meter.ticksPerBar() / 2
    func sample(_ tick: Int) -> Int { (tick * num + den - 1) / den }
    h.send(.section(.intro(1)))
    for (i, chord) in chart.enumerated() {
        // Chords arrive a little before their beat, as a player's hand does.
        let at = max(0, sample(i * half) - 200)
        h.at(at, .chord(chord))
        if let s = sections[i] { h.send(.section(s)) }
    }
    h.run(sample(chart.count * half) - h.sample + sample(style.meter.ticksPerBar() * 4))
    return GoldenEventList.text(h.render, tempo: style.tempo, sampleRate: sampleRate)
}

private let progression: [Chord?] = [
    Chord(root: .c, type: .major7), Chord(root: .c, type: .major7), Chord(root: .a, type: .minor7), Chord(root: .a, type: .minor7),
    Chord(root: .d, type: .minor7), Chord(root: .g, type: .dominant7), Chord(root: .c, type: .major, bass: .e), nil,
    Chord(root: .f, type: .major7), Chord(root: .fSharp, type: .minor7Flat5), Chord(root: .g, type: .sevenSus4),
    Chord(root: .g, type: .dominant7), Chord(root: .c, type: .sixNine), Chord(root: .c, type: .sixNine),
]

@Test func goldenPopFourFour() {
    let text = playChart(TestStyles.pop(), chart: progression, sections: [6: .main(.b), 10: .ending(1)])
    #expect(text.contains("# bass"))
    GoldenEventList.check(text, name: "test-pop-4-4")
}

@Test func goldenShuffleThreeFourHumanized() {
    let style = TestStyles.pop(meter: .threeFour, feel: .shuffle, humanize: Humanize(timing: 24, velocity: 8),
                               chordRetrigger: .retrigger, padRetrigger: .pitchShiftToRoot)
    let text = playChart(style, chart: progression, sections: [4: .breakFill, 8: .fill(.a), 12: .ending(2)])
    #expect(text.contains("# chord1"))
    GoldenEventList.check(text, name: "test-pop-3-4-shuffle")
}

/// The shipped styles (among them one in each compound and odd meter: 12/8, 6/8, 5/4) over a
/// progression that suits them: any change to a style or to the engine that alters what the
/// band plays shows up here, and is re-recorded on purpose.
@Test(arguments: ["medium-swing", "blues-shuffle", "rock-8beat", "bossa-nova", "gospel-12-8", "afro-cuban-6-8", "five-four"])
func goldenShippedStyle(name: String) throws {
    let url = projectRoot.appendingPathComponent("styles/\(name).style")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("skipped: no styles/ folder at \(projectRoot.path)")
        return
    }
    let style = try StyleTextFormat.parse(text, fileName: url.lastPathComponent)
    let blues: [Chord?] = [.c7, .c7, .f7, .f7, .c7, .c7, .c7, .c7, .f7, .f7, .f7, .f7, .c7, .c7, .c7, .c7,
                           .g7, .g7, .f7, .f7, .c7, .c7, .g7, .g7]
    let chart = name == "blues-shuffle" ? blues : progression
    let list = playChart(style, chart: chart, sections: [8: .main(.b), 16: .ending(1)])
    #expect(list.contains("# bass") && list.contains("# rhythm1"))
    GoldenEventList.check(list, name: "style-\(name)")
}

extension Chord {
    fileprivate static let c7 = Chord(root: .c, type: .dominant7)
    fileprivate static let f7 = Chord(root: .f, type: .dominant7)
    fileprivate static let g7 = Chord(root: .g, type: .dominant7)
}
