import Foundation
import MusicCore
import StyleEngine
import Testing

@testable import SidemanCommands

/// The project root, from this file's place in Tests/SidemanCommandsTests.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let mediumSwing = projectRoot + "/styles/medium-swing.style"
let chartsFolder = projectRoot + "/../shared/testdata/charts"
let smallSoundFont: String? = ["/usr/share/sounds/sf2/TimGM6mb.sf2"].first { FileManager.default.isReadableFile(atPath: $0) }
    ?? FluidSoundFont.find()
let noSoundFont = "skipped: no General MIDI SoundFont installed (apt install timgm6mb-soundfont)"
let noCharts = "skipped: ../shared/testdata/charts not found"

import FluidSynthOutput
enum FluidSoundFont { static func find() -> String? { SoundFontLocator().find() } }

func temporaryFile(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("sideman-render-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)").path
}

/// Runs `sideman render` in process; returns the MIDI file it wrote.
func renderMIDI(_ arguments: [String]) throws -> MIDIFile {
    let path = temporaryFile("band.mid")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let command = try RenderCommand.parse(arguments + ["--out", path])
    try command.render()
    return try MIDIFile.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
}

let blues = "C7 | F7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | G7 |"

@Suite("sideman render: the band's MIDI") struct RenderMIDITests {
    let bar = Meter.fourFour.ticksPerBar()

    @Test func bluesChoruses() throws {
        let file = try renderMIDI(["--chart", blues, "--style", mediumSwing, "--choruses", "2", "--tempo", "120"])
        let a = RenderAnalysis(file)
        // Tempo, meter and one text event per chord change at its bar.
        #expect(file.tempoMap.tempo(atTick: 0) == Tempo(bpm: 120)!)
        #expect(file.timeSignature?.meter == .fourFour)
        let expected = [0, 1, 2, 4, 6, 8, 9, 10, 11, 12, 13, 14, 16, 18, 20, 21, 22, 23]
        #expect(a.chords.map(\.tick) == expected.map { $0 * bar })
        #expect(a.chords.prefix(3).map(\.symbol) == ["C7", "F7", "C7"])
        #expect(a.markers.first?.name == "Main A" && a.markers.first?.tick == 0)
        // Chorus 2 changes main: the fill plays chorus 1's last bar.
        #expect(a.markers.contains { $0 == (11 * bar, "Fill A") })
        #expect(a.markers.contains { $0 == (12 * bar, "Main B") })
        checkBand(a, mains: true)
        // The band plays the whole form and stops at its end.
        let lastOnset = a.notes.map(\.onset).max() ?? 0
        #expect(lastOnset >= 23 * bar && lastOnset < 24 * bar)
    }

    /// Medium swing's kit is on channel 9: the file marks it as a rhythm part, so that the
    /// fluidsynth command plays it as drums, as `sideman render` does.
    @Test func kitChannelIsMarkedForOtherPlayers() throws {
        let file = try renderMIDI(["--chart", "C7 | F7 |", "--style", mediumSwing])
        let drums = try #require(file.tracks.first { $0.name == "Rhythm 1" })
        let marks = drums.events.compactMap { e -> [UInt8]? in
            if case .sysEx(let s) = e.event { return s.wireBytes }
            return nil
        }
        #expect(marks == [[0xF0, 0x41, 0x7F, 0x42, 0x12, 0x40, 0x19, 0x15, 0x01, 0x11, 0xF7]])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: chartsFolder), "\(noCharts)"),
          arguments: ["AutumnLeaves.txt", "12-barBlues.txt", "BlueBossa.txt"])
    func chartFiles(name: String) throws {
        let file = try renderMIDI(["--chart-file", chartsFolder + "/" + name, "--style", mediumSwing, "--intro", "--ending"])
        let a = RenderAnalysis(file)
        #expect(a.markers.first?.name == "Intro 1")
        #expect(a.markers.contains { $0.name == "Main A" })
        #expect(a.markers.last?.name == "Ending 1")
        checkBand(a, mains: true)
    }

    @Test func countInIntroAndEndingTakeTheirBars() throws {
        let style = try RenderStyleLoader.load(mediumSwing)
        let introBars = style.sections[.intro(1)]!.bars(meter: style.meter)
        let endingBars = style.sections[.ending(1)]!.bars(meter: style.meter)
        let file = try renderMIDI(["--chart", "C7 | F7 |", "--style", mediumSwing, "--count-in", "1", "--intro", "--ending"])
        let a = RenderAnalysis(file)
        // The clicks sound on their own channel (3), apart from the band's drums.
        let clicks = a.notes.filter { $0.channel == 2 }
        #expect(clicks.map(\.onset) == [0, 1920, 3840, 5760])
        #expect(a.markers.first! == (bar, "Intro 1"))
        #expect(a.markers.contains { $0 == ((1 + introBars) * bar, "Main A") })
        #expect(a.markers.last! == ((3 + introBars) * bar, "Ending 1"))
        let end = (3 + introBars + endingBars) * bar
        #expect(a.notes.allSatisfy { $0.onset < end })
        #expect(a.unfinishedNotes.isEmpty)
    }

    @Test(arguments: ["medium-swing", "rock-8beat", "bossa-nova", "blues-shuffle"])
    func slashChordsInEveryStyle(style: String) throws {
        let path = projectRoot + "/styles/\(style).style"
        let file = try renderMIDI(["--chart", "C | C/E | F | G/B | Am7 | D7 | Dm7 G7 | C |", "--style", path, "--choruses", "2"])
        let a = RenderAnalysis(file)
        #expect(a.chords.prefix(4).map(\.symbol) == ["C", "C/E", "F", "G/B"])
        checkBand(a, mains: true)
    }

    /// Imported Yamaha styles play through the same path (files read from the test data).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: chartsFolder + "/../yamaha-styles"), "skipped: ../shared/testdata/yamaha-styles not found"),
          arguments: ["8Beat.T160.STY", "BossaNova2.S469.prs"])
    func yamahaStyles(name: String) throws {
        let path = chartsFolder + "/../yamaha-styles/" + name
        let file = try renderMIDI(["--chart-file", chartsFolder + "/AutumnLeaves.txt", "--style", path, "--intro", "--ending"])
        let a = RenderAnalysis(file)
        #expect(a.markers.first?.name == "Intro 1" && a.markers.last?.name == "Ending 1")
        checkBand(a, mains: true)
    }

    @Test func chartMeterMustMatchTheStyle() throws {
        let path = temporaryFile("waltz.txt")
        try "Title = Waltz\nTimeSig = 3 4\n C | G7 |\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: RenderError.badOption("the chart is in 3/4 but style 'medium-swing' is in 4/4")) {
            try renderMIDI(["--chart-file", path, "--style", mediumSwing])
        }
    }

    /// Pitched band notes (chord, pad and phrase parts) are tones or tensions of the chord at
    /// their onset (bass lines walk through passing notes, so the bass is judged where each
    /// chord begins): it plays the chord's bass note as each chord begins in a main section.
    /// Every note ends.
    func checkBand(_ a: RenderAnalysis, mains: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.unfinishedNotes.isEmpty, "notes never ended: \(a.unfinishedNotes.prefix(5))", sourceLocation: sourceLocation)
        #expect(a.doubleStarts == 0 && a.strayEnds == 0, sourceLocation: sourceLocation)
        var checked = 0
        for part in [PartID.chord1, .chord2, .pad, .phrase1, .phrase2] {
            for note in a.notes(on: part) {
                guard let symbol = a.chord(at: note.onset), symbol != "NC" else { continue }
                guard let chord = try? ChordSymbol(parsing: symbol).chord else {
                    Issue.record("unreadable chord text '\(symbol)'", sourceLocation: sourceLocation)
                    continue
                }
                let pc = PitchClass(wrapping: note.key)
                #expect(Tensions.allowed(chord).contains(pc),
                        "\(part) plays \(pc) at tick \(note.onset) over \(symbol)", sourceLocation: sourceLocation)
                checked += 1
            }
        }
        #expect(checked > 20, "too few chord notes to judge", sourceLocation: sourceLocation)
        guard mains else { return }
        let bass = a.notes(on: .bass)
        var roots = 0
        var slashMisses: [String] = []
        var slashChords = 0
        for change in a.chords where change.symbol != "NC" && (a.section(at: change.tick) ?? "").hasPrefix("Main") {
            guard let first = bass.first(where: { $0.onset >= change.tick && $0.onset < change.tick + 240 }),
                  let chord = try? ChordSymbol(parsing: change.symbol).chord else { continue }
            let played = PitchClass(wrapping: first.key)
            if chord.isSlash {
                slashChords += 1
                if played != chord.bass { slashMisses.append("\(played) at tick \(first.onset) as \(change.symbol) begins") }
            } else {
                #expect(played == chord.bass, "bass plays \(played) at tick \(first.onset) as \(change.symbol) begins",
                        sourceLocation: sourceLocation)
            }
            roots += 1
        }
        #expect(roots > 0, "no bass note at any chord change", sourceLocation: sourceLocation)
        if slashChords > 0 {
            #expect(slashMisses.isEmpty, "bass plays \(slashMisses.joined(separator: "; "))", sourceLocation: sourceLocation)
        }
    }
}

@Suite("sideman render: a recorded performance") struct RenderInputTests {
    /// A take: left hand C7 then F7 (one bar each at 120 BPM), right hand a melody note a beat.
    func take() -> MIDIFile {
        let ppq = 480
        var events: [TimedMIDIEvent] = [TimedMIDIEvent(tick: 0, .tempo(Tempo(bpm: 120)!))]
        func hold(_ keys: [Int], from: Int, to: Int, channel: MIDIChannel = 0) {
            for k in keys {
                events.append(TimedMIDIEvent(tick: from, .noteOn(channel: channel, note: UInt7(clamping: k), velocity: 90)))
                events.append(TimedMIDIEvent(tick: to, .noteOff(channel: channel, note: UInt7(clamping: k), velocity: 0)))
            }
        }
        hold([36, 40, 43, 46], from: 0, to: 4 * ppq - 10)  // C E G Bb: C7
        hold([41, 45, 48, 51], from: 4 * ppq, to: 8 * ppq - 10)  // F A C Eb: F7
        for (i, k) in [72, 74, 76, 77, 79, 77, 76, 74].enumerated() { hold([k], from: i * ppq, to: i * ppq + ppq / 2) }
        return MIDIFile(ticksPerQuarter: ppq, tracks: [MIDITrack(events: events)])
    }

    @Test func leftHandDrivesTheChordsRightHandPlaysTheLead() throws {
        let path = temporaryFile("take.mid")
        try Data(take().write()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try renderMIDI(["--input", path, "--style", mediumSwing, "--lead-program", "74"])
        let a = RenderAnalysis(file)
        #expect(a.chords.map(\.symbol).prefix(2) == ["C7", "F7"])
        // F7's keys arrive on one tick: no passing F major in between, no zero-length notes.
        #expect(!a.chords.contains { $0.symbol == "F" })
        #expect(!a.notes.contains { $0.end == $0.onset })
        #expect(a.chords.first?.tick ?? 99 < 100)  // the first chord arrives within the settle window
        // Band starts with the chord (sync start).
        let band = a.notes.filter { $0.channel >= 8 }
        #expect(!band.isEmpty)
        #expect(band.map(\.onset).min()! >= a.chords.first!.tick)
        // Right hand on channel 1, as played; the left hand does not sound.
        let lead = a.notes.filter { $0.channel == 0 }.map(\.key)
        #expect(lead == [72, 74, 76, 77, 79, 77, 76, 74])
        let leadTrack = file.tracks.first { $0.name == "Right hand" }
        #expect(leadTrack?.events.contains { $0.tick == 0 && $0.event == .midi(.programChange(channel: 0, program: 73)) } == true)
        #expect(!a.notes.contains { $0.channel == 1 })
        #expect(a.unfinishedNotes.isEmpty)
        #expect(a.doubleStarts == 0 && a.strayEnds == 0)
    }
}

@Suite("sideman render: audio", .enabled(if: smallSoundFont != nil, "\(noSoundFont)"))
struct RenderAudioTests {
    @Test func wavLengthFollowsBarsAndTempo() throws {
        let wav = temporaryFile("band.wav"), mid = temporaryFile("band.mid")
        defer { for p in [wav, mid] { try? FileManager.default.removeItem(atPath: p) } }
        let command = try RenderCommand.parse([
            "--chart", "C7 | F7 | G7 | C7 |", "--style", mediumSwing, "--tempo", "120", "--soundfont", smallSoundFont!,
            "--out", wav, "--out", mid,
        ])
        try command.render()
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: wav)))
        let frames = (data.count - 44) / 4
        // 4 bars of 4/4 at 120 BPM = 8 s, then the release tail (at most the 8 s limit).
        #expect(frames >= 8 * 48_000)
        #expect(frames <= 16 * 48_000 + 64)
        // Non-silent throughout the four bars: every half second has sound.
        for half in 0..<16 {
            let start = 44 + half * 24_000 * 4
            var peak = 0
            for i in stride(from: start, to: start + 24_000 * 4, by: 2) {
                peak = max(peak, abs(Int(Int16(bitPattern: UInt16(data[i]) | UInt16(data[i + 1]) << 8))))
            }
            #expect(peak > 300, "silent at \(Double(half) / 2) s")
        }
        #expect(FileManager.default.fileExists(atPath: mid))
    }
}

extension RenderAudioTests {
    /// Energy of each pitch class (Goertzel over octaves 2-5) in a stretch of mono audio.
    static func chroma(_ x: ArraySlice<Double>, sampleRate: Int) -> [Double] {
        (0..<12).map { pc in
            (3...6).reduce(0.0) { sum, octave in
                let f = 440 * pow(2, Double(12 * octave + pc - 57) / 12)
                let w = 2 * Double.pi * f / Double(sampleRate)
                let c = 2 * cos(w)
                var s1 = 0.0, s2 = 0.0
                for v in x {
                    let s = v + c * s1 - s2
                    s2 = s1
                    s1 = s
                }
                return sum + (s1 * s1 + s2 * s2 - c * s1 * s2).squareRoot() / Double(x.count)
            }
        }
    }

    /// Two chords a tritone apart, a bar each: the second half of each bar sounds the tones
    /// of its own chord several times more than those of the other (about 13 times measured) (the band follows the chart).
    @Test func pitchContentFollowsTheChordChanges() throws {
        let wav = temporaryFile("tritone.wav")
        defer { try? FileManager.default.removeItem(atPath: wav) }
        try RenderCommand.parse([
            "--chart", "C | F# | C | F# |", "--style", projectRoot + "/styles/bossa-nova.style", "--tempo", "100",
            "--soundfont", smallSoundFont!, "--out", wav,
        ]).render()
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: wav)))
        let mono: [Double] = stride(from: 44, to: data.count - 3, by: 4).map { i in
            let l = Int16(bitPattern: UInt16(data[i]) | UInt16(data[i + 1]) << 8)
            let r = Int16(bitPattern: UInt16(data[i + 2]) | UInt16(data[i + 3]) << 8)
            return (Double(l) + Double(r)) / 65_536
        }
        let barFrames = 48_000 * 4 * 60 / 100
        let c: [PitchClass] = [.c, .e, .g], fSharp: [PitchClass] = [.fSharp, .bFlat, .cSharp]
        for bar in 0..<4 {
            let start = bar * barFrames + barFrames / 2
            let energy = Self.chroma(mono[start..<(start + barFrames / 2)], sampleRate: 48_000)
            let own = bar % 2 == 0 ? c : fSharp, other = bar % 2 == 0 ? fSharp : c
            let ownEnergy = own.reduce(0) { $0 + energy[$1.rawValue] }
            let otherEnergy = other.reduce(0) { $0 + energy[$1.rawValue] }
            #expect(ownEnergy > 4 * otherEnergy, "bar \(bar + 1): own tones \(ownEnergy), other chord's \(otherEnergy)")
        }
    }
}

@Suite("sideman render: errors") struct RenderErrorTests {
    func message(_ arguments: [String]) -> String? {
        do {
            try RenderCommand.parse(arguments).render()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func oneLineErrors() {
        #expect(message(["--chart", blues]) == "nothing to write: give --out FILE.wav and/or --out FILE.mid")
        #expect(message(["--chart", blues, "--out", "x.mp3"]) == "x.mp3: unknown output type (expected .wav or .mid)")
        #expect(message(["--out", "x.mid"]) == "give one of --chart, --chart-file, --song or --input")
        #expect(message(["--chart-file", "/no/such/chart.txt", "--style", mediumSwing, "--out", "x.mid"]) == "/no/such/chart.txt: no such file")
        #expect(message(["--chart", blues, "--style", "no-such-style", "--out", "x.mid"])?.hasPrefix("no style named 'no-such-style' (looked in ") == true)
        #expect(message(["--chart", blues, "--style", mediumSwing, "--tempo", "1000", "--out", "x.mid"]) == "--tempo must be 20...400 BPM")
        let bad = message(["--chart", "C7 | Xyz7 |", "--style", mediumSwing, "--out", "x.mid"]) ?? ""
        #expect(bad.contains("Xyz7") && !bad.contains("\n"))
        #expect(message(["--chart", blues, "--style", mediumSwing, "--soundfont", "/no/font.sf2", "--out", temporaryFile("x.wav")])
                == "/no/font.sf2: SoundFont not found")
    }
}
