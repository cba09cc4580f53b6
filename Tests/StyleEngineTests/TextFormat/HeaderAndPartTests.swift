import Foundation
import MusicCore
import Testing
@testable import StyleEngine

@Suite struct HeaderAndPartTests {
    static let minimal = "section Main A\nbars 1\nbass: C2/w\n"

    @Test func headerKeywords() throws {
        let style = try StyleTextFormat.parse(
            """
            name my-swing
            title "My Swing"
            genre Jazz
            meter 3/4
            tempo 96.5
            feel swing 0.62 16
            humanize timing 10 velocity 5
            section Main A
            bars 1
            bass: C2/h.
            """, fileName: "styles/whatever.style")
        #expect(style.name == "my-swing")
        #expect(style.title == "My Swing")
        #expect(style.genre == "Jazz")
        #expect(style.meter == .threeFour)
        #expect(abs(style.tempo.bpm - 96.5) < 0.01)
        #expect(style.feel == Feel.swing(0.62, subdivision: 16))
        #expect(style.humanize == Humanize(timing: 10, velocity: 5))
        #expect(style.source == "styles/whatever.style")
    }

    @Test func defaultsComeFromTheFileName() throws {
        let style = try StyleTextFormat.parse(Self.minimal, fileName: "/usr/share/sideman/styles/slow-rock.style")
        #expect(style.name == "slow-rock")
        #expect(style.title == "slow-rock")
        #expect(style.meter == .fourFour)
        #expect(style.tempo == Tempo(bpm: 120))
        #expect(style.feel == .straight)
        #expect(style.humanize == .none)
        #expect(try StyleTextFormat.parse("feel shuffle\n" + Self.minimal, fileName: "x").feel == .shuffle)
    }

    @Test func partDefaultsSuitEachPart() throws {
        let style = try StyleTextFormat.parse(
            """
            section Main A
            bars 1
            rhythm1: kick x
            bass: C2/w
            chord1: [E3 G3]/w
            phrase1: E4/w
            """, fileName: "x")
        let main = try #require(style.sections[.main(.a)])
        let drums = try #require(main.parts[.rhythm1]?.first?.rules)
        #expect(drums.table == .bypass && drums.rootRule == .fixed)
        #expect(style.parts[.rhythm1]?.isDrumKit == true)
        let bass = try #require(main.parts[.bass]?.first?.rules)
        #expect(bass.table == .bass && bass.rootRule == .transpose(highKey: .fSharp))
        #expect(bass.lowLimit == NoteName.parse("E1") && bass.highLimit == NoteName.parse("G3"))
        #expect(style.parts[.bass]?.program == 32)
        #expect(main.parts[.chord1]?.first?.rules.table == .chord)
        #expect(main.parts[.phrase1]?.first?.rules.table == .melody)
        #expect(bass.sourceChord == Chord(root: .c, type: .major7))
    }

    @Test func partKeywords() throws {
        let style = try StyleTextFormat.parse(
            """
            part chord2
              instrument Electric Guitar (jazz)
              volume 90
              pan 80
              reverb 50
              chorus 20
              bank 8 1
              source Cm7
              table dorian-5th
              root transpose high F
              limits E2 E5
              retrigger pitch-shift-to-root
              bass-on yes
            part rhythm2
              kit Brush
            part pad
              instrument 89
              root fixed
            section Main A
            bars 1
            chord2: [C3 Eb3 Bb3]/w
            rhythm2: snare x
            pad: C4/w
            """, fileName: "x")
        let setup = try #require(style.parts[.chord2])
        #expect(setup.program == 26 && !setup.isDrumKit)
        #expect(setup.volume == 90 && setup.pan == 80 && setup.reverb == 50 && setup.chorus == 20)
        #expect(setup.bankMSB == 8 && setup.bankLSB == 1)
        let rules = try #require(style.sections[.main(.a)]?.parts[.chord2]?.first?.rules)
        #expect(rules.sourceChord == Chord(root: .c, type: .minor7))
        #expect(rules.table == .dorian5th)
        #expect(rules.rootRule == .transpose(highKey: .f))
        #expect(rules.lowLimit == 40 && rules.highLimit == 76)
        #expect(rules.retrigger == .pitchShiftToRoot)
        #expect(rules.bassOn)
        #expect(style.parts[.rhythm2] == PartSetup(program: 40, isDrumKit: true, volume: 90, reverb: 30))
        #expect(style.parts[.pad]?.program == 88)
        #expect(style.sections[.main(.a)]?.parts[.pad]?.first?.rules.rootRule == .fixed)
    }

    @Test func everyTableAndRetriggerNameIsAccepted() throws {
        for name in StyleTextParser.tableNames {
            let style = try StyleTextFormat.parse("part pad\ntable \(name)\n" + "section Main A\nbars 1\npad: C4/w", fileName: "x")
            let table = style.sections[.main(.a)]?.parts[.pad]?.first?.rules.table
            #expect(table.map { StyleTextParser.hyphenated($0.rawValue) } == name)
        }
        for name in StyleTextParser.retriggerNames {
            let style = try StyleTextFormat.parse("part pad\nretrigger \(name)\n" + "section Main A\nbars 1\npad: C4/w", fileName: "x")
            let rule = style.sections[.main(.a)]?.parts[.pad]?.first?.rules.retrigger
            #expect(rule.map { StyleTextParser.hyphenated($0.rawValue) } == name)
        }
    }

    @Test func everyGeneralMIDINameRoundTrips() {
        #expect(GeneralMIDI.instruments.count == 128)
        for (i, name) in GeneralMIDI.instruments.enumerated() {
            #expect(GeneralMIDI.program(named: name) == i, "\(name)")
        }
        #expect(GeneralMIDI.program(named: "acoustic bass") == 32)
        #expect(GeneralMIDI.program(named: "Electric Guitar jazz") == 26)
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let style = try StyleTextFormat.parse("name crlf\r\ntempo 100\r\n" + Self.minimal.replacingOccurrences(of: "\n", with: "\r\n"), fileName: "x")
        #expect(style.name == "crlf")
        #expect(style.sections[.main(.a)]?.parts[.bass]?.first?.notes.count == 1)
    }
}
