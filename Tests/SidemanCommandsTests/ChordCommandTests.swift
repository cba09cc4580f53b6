import ArgumentParser
import ChordRecognition
import MusicCore
import Testing

@testable import SidemanCommands

@Suite struct ChordCommandTests {
    func run(_ words: [String], mode: FingeringMode = .fingered, json: Bool = false) -> String {
        switch ChordCommand.parseNotes(words) {
        case .failure(let e): return "error: \(e.message)"
        case .success(let keys): return ChordCommand.format(ChordCommand.recognize(keys, mode: mode), json: json)
        }
    }

    @Test func plainSymbols() {
        #expect(run(["C4", "E4", "G4", "Bb4"]) == "C7")
        #expect(run(["60", "63", "66", "70"]) == "Cm7b5")
        #expect(run(["C4", "E4", "G4", "A4"]) == "C6")
        #expect(run(["A3", "C4", "E4", "G4"]) == "Am7")
        #expect(run(["E3", "G3", "C4"], mode: .fingeredOnBass) == "C/E")
        #expect(run(["E3", "G3", "C4"]) == "C")
        #expect(run(["C4", "C#4", "D4"]) == "NC")
        #expect(run(["C4", "E4"]) == "none")
        #expect(run(["Bb3", "C4"], mode: .singleFinger) == "Cm")
    }

    @Test func jsonObjects() {
        #expect(run(["C4", "E4", "G4", "Bb4"], json: true) == #"{"symbol":"C7","root":0,"bass":0,"type":19,"typeName":"7"}"#)
        #expect(run(["E3", "G3", "C4"], mode: .fingeredOnBass, json: true)
            == #"{"symbol":"C/E","root":0,"bass":4,"type":0,"typeName":"Maj"}"#)
        #expect(run(["C4", "C#4", "D4"], json: true) == #"{"symbol":"NC","root":null,"bass":null,"type":34,"typeName":"cancel"}"#)
        #expect(run(["C4", "E4"], json: true) == #"{"symbol":null,"root":null,"bass":null,"type":null,"typeName":null}"#)
    }

    @Test func jsonForEveryChordNamesItsParts() {
        for type in ChordType.allCases {
            for root in PitchClass.allCases {
                let text = ChordCommand.format(.chord(Chord(root: root, type: type)), json: true)
                #expect(text.hasPrefix("{\"symbol\":\"\(Chord(root: root, type: type).symbol)\",\"root\":\(root.rawValue),\"bass\":\(root.rawValue),"))
                #expect(text.hasSuffix(",\"type\":\(type.rawValue),\"typeName\":\"\(type.yamahaName)\"}"))
            }
        }
    }

    @Test func badNotesAreNamed() {
        #expect(run(["C4", "H4"]) == "error: unknown note 'H4'")
        #expect(run(["128"]) == "error: note number 128 is outside 0-127")
        #expect(run(["-1"]) == "error: note number -1 is outside 0-127")
        #expect(run(["G9"]) == "G(1+8)")
        #expect(run(["127", "0"]) == "C5")
        #expect(run(["G#9"]).hasPrefix("error: unknown note"))
    }

    @Test func stdinLinesStandAlone() {
        let lines = ["C4 E4 G4", "H4 C4", "", "  60\t64  67 70 ", "E3 G3 C4"]
        let answers = lines.enumerated().map { ChordCommand.answer(line: $1, number: $0 + 1, mode: .fingered, json: true) }
        #expect(answers[0] == #"{"symbol":"C","root":0,"bass":0,"type":0,"typeName":"Maj"}"#)
        #expect(answers[1] == #"{"error":"line 2: unknown note 'H4'"}"#)
        #expect(answers[2] == #"{"symbol":null,"root":null,"bass":null,"type":null,"typeName":null}"#)
        #expect(answers[3].hasPrefix(#"{"symbol":"C7""#))
        #expect(answers[4].hasPrefix(#"{"symbol":"C","#))
        #expect(ChordCommand.answer(line: "X", number: 9, mode: .fingered, json: false) == "error: line 9: unknown note 'X'")
        // No memory between lines: a two-note line in AI Fingered after a C7 line is read alone.
        #expect(ChordCommand.answer(line: "E3 Bb3", number: 2, mode: .aiFingered, json: false) == "none")
    }

    @Test func jsonStringsAreEscaped() {
        #expect(JSONText.quote("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }

    @Test func theSubcommandIsRegistered() throws {
        let parsed = try SidemanCommand.parseAsRoot(["chord", "--mode", "fingered-on-bass", "--json", "E3", "G3", "C4"])
        let command = try #require(parsed as? ChordCommand)
        #expect(command.mode == "fingered-on-bass")
        #expect(command.json)
        #expect(command.notes == ["E3", "G3", "C4"])
    }
}

@Suite struct ChordCommandExitTests {
    func exitCode(_ arguments: [String]) -> Int32? {
        do {
            let command = try ChordCommand.parse(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            return nil
        }
    }

    @Test func badInputExitsWithCodeTwo() {
        #expect(exitCode(["--mode", "jazz-hands", "C4"]) == 2)
        #expect(exitCode(["H4"]) == 2)
        #expect(exitCode(["128"]) == 2)
        #expect(exitCode(["-1"]) == 2)
        #expect(exitCode([]) == 2)
        #expect(exitCode(["C4", "E4", "G4"]) == 0)
    }
}
