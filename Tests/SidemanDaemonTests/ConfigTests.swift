import ALSASequencer
import Arranger
import Foundation
import MusicCore
import Testing

@testable import SidemanDaemon

@Suite struct ConfigTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func anEmptyFileIsTheDefaults() throws {
        #expect(try SidemanConfig.parse("") == SidemanConfig())
    }

    /// The shipped, commented file documents every default: parsing it must give the defaults.
    @Test func theShippedFileSaysExactlyTheDefaults() throws {
        let path = Self.root.appendingPathComponent("config/sideman.toml").path
        let config = try SidemanConfig.load(path: path)
        #expect(config == SidemanConfig())
        #expect(config.control.triggers == ControlMapping.defaultTriggers)
    }

    @Test func theShippedFileNamesEveryKeyTheParserKnows() throws {
        let path = Self.root.appendingPathComponent("config/sideman.toml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for action in ControlAction.mappable {
            #expect(text.contains("\n\(action.key) = "), "config/sideman.toml does not list \(action.key)")
        }
    }

    @Test func valuesAreRead() throws {
        let config = try SidemanConfig.parse(
            """
            [audio]
            device = "hw:Loopback,0,0"
            period_size = 64
            periods = 3
            [synth]
            gain = 2
            polyphony = 48
            reverb = false
            chorus = false
            dynamic_sample_loading = false
            [style]
            name = "medium-swing"
            tempo = 96.5
            [keyboard]
            channel = 1
            split_point = 59
            fingering = "ai-fingered"
            transpose = -2
            lead_layer_program = 49
            [inputs]
            connect = ["Keystation*", "nanoPAD"]
            exclude = "Through"
            [clock]
            send = true
            [control]
            channel = 10
            [control.map]
            fill = ["note 45", "cc 64"]
            start_stop = "cc 80 ch 2"
            """)
        #expect(config.audio.device == "hw:Loopback,0,0")
        #expect(config.audio.periodSize == 64 && config.audio.periods == 3)
        #expect(config.synth.gain == 2)
        #expect(config.synth.polyphony == 48 && !config.synth.reverb && !config.synth.chorus)
        #expect(!config.synth.dynamicSampleLoading && !SidemanConfig().synth.dynamicSampleLoading)
        #expect(config.style.name == "medium-swing" && config.style.tempo == 96.5)
        #expect(config.keyboard.channel == MIDIChannel(0) && config.keyboard.splitPoint == 59)
        #expect(config.keyboard.fingering == "ai-fingered" && config.keyboard.transpose == -2)
        #expect(config.keyboard.leadLayerProgram == 49 && config.keyboard.leftProgram == nil)
        #expect(config.inputs.policy.selection == .matching([NamePattern("Keystation*"), NamePattern("nanoPAD")]))
        #expect(config.inputs.policy.exclude == [NamePattern("Through")])
        #expect(config.clock.send && !config.clock.follow)
        #expect(config.control.controlChannel == MIDIChannel(9))
        #expect(config.control.triggers[ControlTrigger(.cc, 64)] == .fill)
        #expect(config.control.triggers[ControlTrigger(.note, 45)] == .fill)
        #expect(config.control.triggers(for: .fill).count == 2)  // cc 82 went with the defaults replaced
        #expect(config.control.triggers(for: .startStop) == [ControlTrigger(.cc, 80, channel: MIDIChannel(1))])
        #expect(config.control.triggers[ControlTrigger(.note, 41)] == .section(.main(.a)))  // untouched default
    }

    /// Each bad file gives one error naming the file, the line and the key.
    @Test(arguments: [
        ("[keyboard]\nsplit_point = 200\n", "my.toml:2: keyboard.split_point: must be 0…127, not 200"),
        ("[audio]\n\nsample_rate = \"fast\"\n", "my.toml:3: audio.sample_rate: must be an integer, not a string"),
        ("[keybord]\nsplit_point = 3\n", "my.toml:1: keybord: unknown key"),
        ("[keyboard]\nsplitpoint = 3\n", "my.toml:2: keyboard.splitpoint: unknown key"),
        ("[keyboard]\nfingering = \"ten-finger\"\n", "my.toml:2: keyboard.fingering: must be one of"),
        ("[style]\ntempo = 10\n", "my.toml:2: style.tempo: must be 0 (the style's tempo) or 20…400, not 10.0"),
        ("[control.map]\nfill = \"cc 64\"\nbreak = \"note 200\"\n", "my.toml:3: control.map.break: 'note 200': the number must be 0…127"),
        ("[control.map]\njump = \"note 1\"\n", "my.toml:2: control.map.jump: unknown action"),
        ("[control.map]\nfill = \"note 1\"\nbreak = \"note 1\"\n", "is already"),
        ("[control]\nchannel = 17\n", "my.toml:2: control.channel: must be 1…16, not 17"),
        ("[inputs]\nconnect = [\"all\", \"Key*\"]\n", "my.toml:2: inputs.connect:"),
        ("audio = 3\n", "my.toml:1: audio: must be a table"),
        ("[synth]\ndynamic_sample_loading = \"yes\"\n", "my.toml:2: synth.dynamic_sample_loading: must be"),
        ("[synth]\ndynamic_sample_loading = true\n", "my.toml:2: synth.dynamic_sample_loading: is not supported live"),
        ("[synth]\npolyphony = 8\n", "my.toml:2: synth.polyphony: must be 16…4096, not 8"),
        ("[chords]\nlate_window_ms = 150\n", "my.toml:2: chords.late_window_ms: must be 0…100, not 150"),
        ("[chords]\nanticipation = \"half\"\n", "my.toml:2: chords.anticipation: must be one of"),
    ])
    func badValues(text: String, expected: String) {
        do {
            _ = try SidemanConfig.parse(text, file: "my.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".contains(expected), "got: \(error)")
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func syntaxErrorsCarryTheLine() {
        do {
            _ = try SidemanConfig.parse("[audio]\ndevice = \"default\"\nperiods = \n", file: "x.toml")
            Issue.record("accepted a syntax error")
        } catch {
            #expect(error.file == "x.toml")
            #expect(error.line == 3)
            #expect(error.key == nil)
        }
    }

    @Test func aMissingFileSaysSo() {
        #expect(throws: ConfigError(file: "/nonexistent/sideman.toml", line: nil, key: nil, message: "the file does not exist")) {
            try SidemanConfig.load(path: "/nonexistent/sideman.toml")
        }
    }

    @Test func chordFeelKeys() throws {
        let config = try SidemanConfig.parse("[chords]\nlate_window_ms = 25\nanticipation = \"sixteenth\"\n")
        #expect(config.chords.feel == ChordFeel(lateWindowMilliseconds: 25, anticipation: PPQ.standard / 4))
        #expect(SidemanConfig().chords.feel == ChordFeel())
        let off = try SidemanConfig.parse("[chords]\nlate_window_ms = 0\nanticipation = \"off\"\n")
        #expect(off.chords.feel == .strict)
        let push = try SidemanConfig.parse("[chords]\npush = \"eighth\"\n")
        #expect(push.chords.feel.clearPush == PPQ.standard / 2)
        #expect(try SidemanConfig.parse("[chords]\npush = \"off\"\n").chords.feel.clearPush == Tick.max)
        #expect(throws: ConfigError.self) { try SidemanConfig.parse("[chords]\npush = \"soon\"\n") }
    }
}
