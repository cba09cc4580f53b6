import ALSASequencer
import Foundation
import MusicCore
import TOMLKit

extension SidemanConfig {
    /// Parses configuration text (`file` names it in errors). Missing keys keep their defaults;
    /// unknown keys, wrong types and out-of-range values are errors.
    public static func parse(_ text: String, file: String = "sideman.toml") throws(ConfigError) -> SidemanConfig {
        try refuseControlCharacters(in: text, file: file)
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ConfigError(file: file, line: e.source.begin.line, key: nil, message: e.description)
        } catch {
            throw ConfigError(file: file, line: nil, key: nil, message: "\(error)")
        }
        // TOMLKit 0.6 never frees a parsed document (about 24 KB for the shipped file, on
        // every reload): release its nodes once everything is read into `config`.
        defer { root.clear() }
        var top = ConfigTableReader(table: root, path: [], file: file, locator: TOMLKeyLocator(text: text))
        var config = SidemanConfig()
        if var t = try top.table("audio") {
            try config.audio.read(&t)
            try t.finish()
        }
        if var t = try top.table("synth") {
            try config.synth.read(&t)
            try t.finish()
        }
        if var t = try top.table("style") {
            try config.style.read(&t)
            try t.finish()
        }
        if var t = try top.table("keyboard") {
            try config.keyboard.read(&t)
            try t.finish()
        }
        if var t = try top.table("inputs") {
            try config.inputs.read(&t)
            try t.finish()
        }
        if var t = try top.table("control") {
            try config.control.read(&t)
            try t.finish()
        }
        if var t = try top.table("clock") {
            config.clock.send = try t.bool("send") ?? config.clock.send
            config.clock.follow = try t.bool("follow") ?? config.clock.follow
            try t.finish()
        }
        if var t = try top.table("chords") {
            config.chords.lateWindowMilliseconds = try t.int("late_window_ms", in: 0...100) ?? config.chords.lateWindowMilliseconds
            config.chords.anticipation = try t.string("anticipation", oneOf: anticipations) ?? config.chords.anticipation
            config.chords.push = try t.string("push", oneOf: anticipations) ?? config.chords.push
            try t.finish()
        }
        if var t = try top.table("out") {
            config.out.band = try t.bool("band") ?? config.out.band
            if let connect = try t.strings("connect") {
                config.out.connect = try OutputPolicy(connect: connect, in: t)
            }
            try t.finish()
        }
        if var t = try top.table("practice") {
            config.practice.setlist = try t.string("setlist") ?? config.practice.setlist
            config.practice.tempoStep = try t.double("tempo_step", in: 0.5...50) ?? config.practice.tempoStep
            config.practice.looperBars = try t.int("looper_bars", in: 1...64) ?? config.practice.looperBars
            try t.finish()
        }
        if var t = try top.table("record") {
            try config.record.read(&t)
            try t.finish()
        }
        if var t = try top.table("daemon") {
            if let socket = try t.string("socket") {
                guard socket.hasPrefix("/") else { throw t.error("socket", "must be an absolute path, not '\(socket)'") }
                config.daemon.socket = socket
            }
            try t.finish()
        }
        if var t = try top.table("web") {
            try config.web.read(&t)
            try t.finish()
        }
        try top.finish()
        return config
    }

    /// Reads and parses the file at `path`.
    public static func load(path: String = defaultPath) throws(ConfigError) -> SidemanConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ConfigError(file: path, line: nil, key: nil, message: "the file \(reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "not UTF-8 text")
        }
        return try parse(text, file: path)
    }
}

extension SidemanConfig.Audio {
    mutating func read(_ t: inout ConfigTableReader) throws(ConfigError) {
        if let d = try t.string("device") {
            guard !d.isEmpty else { throw t.error("device", "must not be empty (\"default\" is ALSA's default device)") }
            device = d
        }
        sampleRate = try t.int("sample_rate", in: 22050...96000) ?? sampleRate
        periodSize = try t.int("period_size", in: 16...4096) ?? periodSize
        periods = try t.int("periods", in: 2...8) ?? periods
    }
}

extension SidemanConfig.Synth {
    mutating func read(_ t: inout ConfigTableReader) throws(ConfigError) {
        soundFont = try t.string("soundfont") ?? soundFont
        gain = try t.double("gain", in: 0...10) ?? gain
        polyphony = try t.int("polyphony", in: 16...4096) ?? polyphony
        reverb = try t.bool("reverb") ?? reverb
        chorus = try t.bool("chorus") ?? chorus
        dynamicSampleLoading = try t.bool("dynamic_sample_loading") ?? dynamicSampleLoading
        if dynamicSampleLoading {
            // FluidSynth 2.3 loads (file I/O, malloc) and unloads a preset's samples inside
            // the program change, which the live band makes on the audio thread at every
            // style change; pinning presets from another thread loads them under the lock the
            // audio thread takes for every note. No safe way: refused (README, Raspberry Pi).
            throw t.error(
                "dynamic_sample_loading",
                "is not supported live: FluidSynth would load samples on the audio thread at every style change (use a smaller SoundFont such as TimGM6mb)")
        }
    }
}

extension SidemanConfig.StyleSettings {
    mutating func read(_ t: inout ConfigTableReader) throws(ConfigError) {
        name = try t.string("name") ?? name
        if let bpm = try t.double("tempo", in: 0...400) {
            guard bpm == 0 || bpm >= 20 else { throw t.error("tempo", "must be 0 (the style's tempo) or 20…400, not \(bpm)") }
            tempo = bpm == 0 ? nil : bpm
        }
        autoFill = try t.bool("auto_fill") ?? autoFill
        folder = try t.string("folder") ?? folder
    }
}

extension SidemanConfig.Keyboard {
    mutating func read(_ t: inout ConfigTableReader) throws(ConfigError) {
        if let c = try t.int("channel", in: 0...16) { channel = c == 0 ? nil : MIDIChannel(c - 1) }
        if let n = try t.int("split_point", in: 0...127) { splitPoint = UInt7(n)! }
        fingering = try t.string("fingering", oneOf: SidemanConfig.fingeringModes) ?? fingering
        chordMemory = try t.bool("chord_memory") ?? chordMemory
        syncStart = try t.bool("sync_start") ?? syncStart
        syncStop = try t.bool("sync_stop") ?? syncStop
        transpose = try t.int("transpose", in: -12...12) ?? transpose
        leadProgram = try t.int("lead_program", in: 1...128) ?? leadProgram
        if let p = try t.int("lead_layer_program", in: 0...128) { leadLayerProgram = p == 0 ? nil : p }
        if let p = try t.int("left_program", in: 0...128) { leftProgram = p == 0 ? nil : p }
    }
}

extension SidemanConfig.Inputs {
    mutating func read(_ t: inout ConfigTableReader) throws(ConfigError) {
        if let connect = try t.strings("connect") {
            if connect == ["all"] {
                policy.selection = .all
            } else if connect == ["none"] || connect.isEmpty {
                policy.selection = .none
            } else {
                if connect.contains("all") || connect.contains("none") {
                    throw t.error("connect", "\"all\" and \"none\" stand alone, not in a list of patterns")
                }
                policy.selection = .matching(connect.map(NamePattern.init))
            }
        }
        if let exclude = try t.strings("exclude") { policy.exclude = exclude.map(NamePattern.init) }
        policy.includeMidiThrough = try t.bool("midi_through") ?? policy.includeMidiThrough
    }
}

extension OutputPolicy {
    /// `[out] connect`: name patterns; "none" or an empty list connects nothing. An empty
    /// pattern and "all" are refused: the band would go to every synth, Midi Through included.
    init(connect: [String], in t: ConfigTableReader) throws(ConfigError) {
        if connect == ["none"] {
            self.init()
            return
        }
        for pattern in connect where pattern.trimmingCharacters(in: .whitespaces).isEmpty || pattern == "all" || pattern == "none" {
            let shown = pattern.isEmpty ? "an empty pattern" : "\"\(pattern)\""
            throw t.error("connect", "\(shown) would connect every port; name the synth or DAW (\"FLUID Synth\", \"Surge XT:*\")")
        }
        self.init(patterns: connect.map(NamePattern.init))
    }
}

extension ControlMapping {
    mutating func read(_ t: inout ConfigTableReader) throws(ConfigError) {
        if let c = try t.int("channel", in: 1...16) { controlChannel = MIDIChannel(c - 1)! }
        transportMessages = try t.bool("transport_messages") ?? transportMessages
        styleByProgramChange = try t.bool("style_by_program_change") ?? styleByProgramChange
        guard var map = try t.table("map") else { return }
        // Actions listed in the file replace their default triggers; others keep theirs.
        var owner: [ControlTrigger: String] = [:]
        var listed: [ControlAction: [ControlTrigger]] = [:]
        for key in map.allKeys() {
            guard let action = ControlAction(key: key) else {
                throw map.error(key, "unknown action (known: \(ControlAction.mappable.map(\.key).joined(separator: ", ")))")
            }
            var triggers: [ControlTrigger] = []
            for text in try map.strings(key) ?? [] {
                switch ControlTrigger.parse(text) {
                case .success(let trigger): triggers.append(trigger)
                case .failure(let e): throw map.error(key, e.description)
                }
            }
            listed[action] = triggers
        }
        // A trigger given to an action here is taken from whichever action had it by default.
        var result = triggers.filter { listed[$0.value] == nil }
        for key in map.allKeys() {
            let action = ControlAction(key: key)!
            for trigger in listed[action] ?? [] {
                if let other = owner[trigger], other != key {
                    throw map.error(key, "'\(trigger)' is already \(other)")
                }
                owner[trigger] = key
                result[trigger] = action
            }
        }
        triggers = result
        try map.finish()
    }
}
