import ArgumentParser
import Foundation
import MusicCore
import Practice

/// `sideman charts show NAME`: the song's settings and its bars as they are played — repeats,
/// endings and form expanded — optionally through the practice options (keys, loop) and for
/// a transposing instrument.
struct ChartsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a song's bars as they are played (form expanded).")

    @Argument(help: "Song name (sideman charts list) or a chart file.")
    var name: String

    @Option(help: "Choruses to show.")
    var choruses: Int = 1

    @Option(help: "Key of each chorus: fourths, fifths, chromatic, random[:SEED], or a list C,F,Bb.")
    var keys: String?

    @Option(help: "Show only a loop: bars 5-8 or a section, with its passes: 5-8x2.")
    var loop: String?

    @Option(name: .customLong("for"), help: "Chord symbols for a Bb, Eb or F instrument (the sound stays in concert pitch).")
    var instrument: String = "C"

    func run() throws {
        do {
            try show()
        } catch {
            throw failCommand("show", error)
        }
    }

    func show() throws {
        let chart = try ChartLibrary.standard().chart(named: name)
        var settings = PracticeSettings()
        guard (1...99).contains(choruses) else { throw RenderError.badOption("--choruses must be 1...99") }
        settings.choruses = choruses
        guard let display = TransposingInstrument(name: instrument) else {
            throw RenderError.badOption("--for \"\(instrument)\": give C, Bb, Eb or F")
        }
        settings.display = display
        if let keys {
            guard let k = KeyCycle(keys) else { throw RenderError.badOption("--keys \"\(keys)\": give fourths, fifths, chromatic, random or keys such as C,F,Bb") }
            settings.keys = k
        }
        if let loop {
            guard var l = PracticeLoop(loop) else { throw RenderError.badOption("--loop \"\(loop)\": give bars or a section: 5-8, B x2") }
            l.times = l.times ?? 1
            settings.loop = l
        }
        let plan = try PracticePlan(chart: chart, settings: settings, tempo: chart.tempo ?? Tempo(bpm: 120)!)
        let bars = try plan.bars()

        var about = [chart.meter.description]
        if let key = chart.key { about.append("key \(key)") }
        if let style = chart.style { about.append("style \(style)") }
        if let tempo = chart.tempo { about.append("\(tempo)") }
        if let composer = chart.composer { about.append(composer) }
        print("\(chart.title.isEmpty ? name : chart.title) — \(about.joined(separator: ", "))")
        if !chart.playedForm.isEmpty { print("Form: \(chart.playedForm.joined(separator: " "))") }
        if display != .concert { print("Chords for \(display.rawValue) instruments") }

        var line = ""
        var lineStart = 0
        func flush() {
            if !line.isEmpty { print(String(format: "%4d  ", lineStart + 1) + "|" + line) }
            line = ""
        }
        for b in bars {
            if b.startsPass, plan.passes ?? 1 > 1 || settings.keys != .none {
                flush()
                let key = b.key.map { " in \($0.transposed(by: display.semitones))" } ?? ""
                print(settings.loop == nil ? "Chorus \(b.pass + 1)\(key)" : "Pass \(b.pass + 1)\(key)")
            }
            if b.startsSection, let section = b.section {
                flush()
                print("[\(section)]")
            }
            if line.isEmpty { lineStart = b.barInPass }
            let symbols = plan.chart.bars[b.written].isEmpty ? [] : b.changes.map { ($0.pushed ? "^" : "") + $0.display }
            line += " " + symbols.joined(separator: " ") + " |"
            if (b.barInPass + 1) % 4 == 0 { flush() }
        }
        flush()
    }
}
