import Foundation
import MusicCore
import StyleEngine
import Testing

@testable import SidemanCommands

/// `sideman render` with the practice options, judged from the MIDI file it writes: the
/// chords per bar, the tempo per chorus, loops, count-in, breaks, metronome, walking bass.
@Suite("sideman render: practice tracks") struct PracticeRenderTests {
    let bar = Meter.fourFour.ticksPerBar()
    let clickChannel = 2
    let iiVI = "Dm7 | G7 | Cmaj7 | Cmaj7 |"
    let iiVIChords = [Chord(root: .d, type: .minor7), Chord(root: .g, type: .dominant7), Chord(root: .c, type: .major7), Chord(root: .c, type: .major7)]

    /// Band notes (channels 9-16) starting in [from, to).
    func bandNotes(_ a: RenderAnalysis, from: Tick, to: Tick) -> [RenderAnalysis.Note] {
        a.notes.filter { $0.channel >= 8 && $0.onset >= from && $0.onset < to }
    }

    @Test func eachBarSoundsTheChartChordInTheKeyOfItsChorus() throws {
        let file = try renderMIDI(["--chart", iiVI, "--style", mediumSwing, "--choruses", "4", "--keys", "fourths", "--tempo", "120"])
        let a = RenderAnalysis(file)
        for b in 0..<16 {
            let expected = iiVIChords[b % 4].transposed(by: 5 * (b / 4))
            let start = b * bar
            #expect(a.chord(at: start + 1) == expected.symbol, "bar \(b + 1)")
            // What the chord parts play in the bar belongs to the chord.
            for part in [PartID.chord1, .chord2, .pad] {
                for note in a.notes(on: part) where note.onset >= start && note.onset < start + bar {
                    #expect(Tensions.allowed(expected).contains(PitchClass(wrapping: note.key)), "bar \(b + 1): \(part) plays \(note.key)")
                }
            }
            // The bass plays the root where the chord begins.
            if b % 4 != 3, let first = a.notes(on: .bass).first(where: { $0.onset >= start && $0.onset < start + 240 }) {
                #expect(PitchClass(wrapping: first.key) == expected.root, "bar \(b + 1): bass \(first.key)")
            }
        }
        RenderMIDITests().checkBand(a, mains: true)
    }

    @Test func tempoFollowsTheRampChorusByChorus() throws {
        let file = try renderMIDI(["--chart", iiVI, "--style", mediumSwing, "--choruses", "5", "--ramp", "100:130:+10"])
        let a = RenderAnalysis(file)
        let tempos = (0..<5).map { file.tempoMap.tempo(atTick: $0 * 4 * bar + 1).bpm.rounded() }
        #expect(tempos == [100, 110, 120, 130, 130])
        // The changes fall on the chorus bar lines, and each chord still on its bar.
        let changes = file.tracks[0].events.compactMap { e -> Tick? in
            if case .meta(.tempo) = e.event { return e.tick }
            return nil
        }
        #expect(changes == [0, 4 * bar, 8 * bar, 12 * bar])
        #expect(a.chords.map(\.tick) == (0..<5).flatMap { c in [0, 1, 2].map { (c * 4 + $0) * bar } })
        #expect(a.unfinishedNotes.isEmpty && a.doubleStarts == 0)
    }

    @Test func aLoopRepeatsItsBarsExactlyNTimes() throws {
        let file = try renderMIDI(["--song", projectRoot + "/charts/blues-jazz-bb.chart", "--loop", "9-12x3", "--style", mediumSwing])
        let a = RenderAnalysis(file)
        let passes = a.markers.filter { $0.name.hasPrefix("Pass ") }
        #expect(passes.map(\.name) == ["Pass 1", "Pass 2", "Pass 3"])
        #expect(passes.map(\.tick) == [0, 4 * bar, 8 * bar])
        // Bars 9-12 of the jazz blues: Cm7 | F7 | Bb7 G7 | Cm7 F7, three times, and nothing after.
        let pass = ["Cm7", "F7", "Bb7", "G7", "Cm7", "F7"]
        #expect(a.chords.map(\.symbol) == pass + pass + pass)
        #expect(a.notes.allSatisfy { $0.onset < 12 * bar })
        #expect(a.notes.contains { $0.onset >= 11 * bar })
    }

    @Test func countInClicksThenTheBand() throws {
        let file = try renderMIDI(["--chart", iiVI, "--style", mediumSwing, "--count-in", "2"])
        let a = RenderAnalysis(file)
        let clicks = a.notes.filter { $0.channel == clickChannel }
        #expect(clicks.map(\.onset) == (0..<8).map { $0 * 1920 })
        #expect(bandNotes(a, from: 0, to: 2 * bar).isEmpty)
        #expect(a.chords.first?.tick == 2 * bar)
        #expect(!bandNotes(a, from: 2 * bar, to: 3 * bar).isEmpty)
    }

    @Test func countInOnTheDrumsAlone() throws {
        let file = try renderMIDI(["--chart", iiVI, "--style", mediumSwing, "--count-in", "1", "--count-in-drums"])
        let a = RenderAnalysis(file)
        #expect(a.notes.allSatisfy { $0.channel != clickChannel })
        let first = bandNotes(a, from: 0, to: bar)
        #expect(!first.isEmpty && first.allSatisfy { $0.channel == 8 || $0.channel == 9 })
        #expect(a.chord(at: bar + 1) == "Dm7")
        #expect(!a.notes(on: .bass).filter { $0.onset >= bar && $0.onset < 2 * bar }.isEmpty)
    }

    @Test func chordBreaksRestTheBandWhileTheMetronomeGoesOn() throws {
        let file = try renderMIDI(["--chart", blues, "--style", mediumSwing, "--breaks", "1:4", "--metronome"])
        let a = RenderAnalysis(file)
        for b in 0..<12 {
            let notes = bandNotes(a, from: b * bar, to: (b + 1) * bar)
            if b % 4 == 3 {
                #expect(notes.isEmpty, "bar \(b + 1) is a break: \(notes.count) band notes")
            } else {
                #expect(!notes.isEmpty, "bar \(b + 1) should have the band")
            }
        }
        let clicks = a.notes.filter { $0.channel == clickChannel }
        #expect(clicks.map(\.onset) == (0..<48).map { $0 * 1920 })
        #expect(a.unfinishedNotes.isEmpty && a.strayEnds == 0)
    }

    @Test func walkingBassLandsOnEachNextRoot() throws {
        // Medium swing walks; at every change the next chord's root is where the line arrives.
        let file = try renderMIDI(["--song", projectRoot + "/charts/blues-jazz-bb.chart", "--style", mediumSwing, "--choruses", "2", "--keys", "fifths"])
        let a = RenderAnalysis(file)
        let chart = try ChordChart.parse(try String(contentsOfFile: projectRoot + "/charts/blues-jazz-bb.chart", encoding: .utf8))
        var landed = 0
        for change in chart.changes(choruses: 2) {
            let chorus = change.tick / (12 * bar)
            guard let chord = change.chord?.transposed(by: 7 * chorus),
                let note = a.notes(on: .bass).first(where: { $0.onset >= change.tick && $0.onset < change.tick + 240 })
            else { continue }
            #expect(PitchClass(wrapping: note.key) == chord.root, "at tick \(change.tick): \(note.key) for \(chord)")
            landed += 1
        }
        #expect(landed >= 28)
    }

    @Test func songsBringTheirStyleAndTempo() throws {
        let file = try renderMIDI(["--song", "bossa-form"])
        let a = RenderAnalysis(file)
        #expect(file.tempoMap.tempo(atTick: 0).bpm.rounded() == 136)
        #expect(a.markers.contains { $0.name == "[A]" } && a.markers.contains { $0 == (8 * bar, "[B]") })
        #expect(a.chord(at: 1) == "Am7")
    }

    func message(_ arguments: [String]) -> String? {
        do {
            try RenderCommand.parse(arguments + ["--out", "x.mid"]).render()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func badPracticeOptionsAreOneLine() {
        #expect(message(["--chart", iiVI, "--loop", "1-2"]) == "--loop \"1-2\": a render needs a number of times, e.g. 1-2x4")
        #expect(message(["--chart", iiVI, "--loop", "3-9x2"]) == "loop 3-9: the song has 4 bars (repeats and form expanded)")
        #expect(message(["--chart", iiVI, "--ramp", "100:90:+5"]) == "--ramp \"100:90:+5\": give A:B:+N in BPM (20...400), e.g. 100:160:+10")
        #expect(message(["--chart", iiVI, "--keys", "sideways"])?.hasPrefix("--keys \"sideways\"") == true)
        #expect(message(["--chart", iiVI, "--breaks", "4:4"])?.hasPrefix("--breaks \"4:4\"") == true)
        #expect(message(["--chart", iiVI, "--count-in", "3"]) == "--count-in must be 0, 1 or 2 bars")
        #expect(message(["--song", "no-such-song"])?.hasPrefix("no song named 'no-such-song' (looked in ") == true)
        #expect(message(["--chart", iiVI, "--loop", "1-2x2", "--choruses", "2"]) == "--loop counts its own passes: give --loop or --choruses")
    }
}

/// The band knows a chart's next chord: the walking bass leads into it, and written pushes
/// come an eighth early. Judged from the MIDI file `sideman render` writes.
@Suite("sideman render: leading into the next chord") struct LeadingRenderTests {
    let bar = Meter.fourFour.ticksPerBar()
    let beat = Meter.fourFour.ticksPerBeat()

    func chord(_ symbol: String) -> Chord? { (try? ChordSymbol.parse(symbol))?.chord }

    @Test func theWalkingBassApproachesEachChangeOfAiiVIChart() throws {
        // Eight bars: four choruses play Main A, B, C and D; B, C and D walk every beat.
        let chart = "Dm7 | G7 | Cmaj7 | Cmaj7 | Em7 A7 | Dm7 G7 | Cmaj7 | Cmaj7 |"
        let file = try renderMIDI(["--chart", chart, "--style", mediumSwing, "--choruses", "4", "--tempo", "120"])
        let a = RenderAnalysis(file)
        let bass = a.notes(on: .bass)
        var checked = 0
        for change in a.chords where change.tick >= 8 * bar {
            guard let next = chord(change.symbol) else { continue }
            let last = try #require(bass.last { $0.onset >= change.tick - beat && $0.onset < change.tick }, "before \(change)")
            let step = ((last.key - next.bass.rawValue) % 12 + 12) % 12
            #expect([1, 11, 2, 10, 7].contains(step), "\(last.key) before \(change.symbol) at \(change.tick)")
            let first = try #require(bass.first { $0.onset >= change.tick && $0.onset < change.tick + 240 }, "on \(change)")
            #expect(first.key % 12 == next.bass.rawValue, "\(first.key) on \(change.symbol) at \(change.tick)")
            checked += 1
        }
        #expect(checked == 24)  // eight changes a chorus
        #expect(a.unfinishedNotes.isEmpty && a.doubleStarts == 0)
    }

    @Test func theBandPlaysTheChartsPushes() throws {
        let file = try renderMIDI(["--song", projectRoot + "/charts/blues-pushes-f.chart"])
        let a = RenderAnalysis(file)
        // ^Bb7 in bar 2, ^F7 on beat 3 of bar 4, ^D7 on beat 3 of bar 8, ^C7 in bar 10 and on beat 3 of bar 12.
        let eighth = beat / 2
        let pushes = [(bar - eighth, "Bb7"), (3 * bar + 2 * beat - eighth, "F7"), (7 * bar + 2 * beat - eighth, "D7"),
                      (9 * bar - eighth, "C7"), (11 * bar + 2 * beat - eighth, "C7")]
        for (tick, symbol) in pushes {
            #expect(a.chords.contains { $0.tick == tick && $0.symbol == symbol }, "\(symbol) at \(tick): \(a.chords.map(\.tick))")
            let drums = a.notes(on: .rhythm1).filter { $0.onset == tick }.map(\.key)
            #expect(drums.contains(36) && drums.contains(49), "accent at \(tick): \(drums)")
        }
        #expect(a.chord(at: bar) == "Bb7" && a.chord(at: bar - eighth - 1) == "F7")
        #expect(a.unfinishedNotes.isEmpty && a.doubleStarts == 0)
    }
}
