import MusicCore

/// The header keywords (name, title, genre, meter, tempo, feel, humanize) and the part
/// keywords (instrument, kit, mixer settings and transposition rules).
extension StyleTextParser {
    static let headerKeywords = ["name", "title", "genre", "meter", "tempo", "feel", "humanize"]
    static let partKeywords = [
        "instrument", "kit", "bank", "volume", "pan", "reverb", "chorus", "velocity", "source", "table", "root",
        "limits", "retrigger", "bass-on",
    ]

    mutating func readHeader(_ keyword: Substring, _ rest: Substring, _ line: SourceLine) throws(StyleParseError) {
        let n = line.number
        switch keyword.lowercased() {
        case "name":
            guard !rest.isEmpty, !rest.contains(where: { $0 == " " || $0 == "/" }) else {
                throw error(n, "name must be one word such as 'medium-swing', not '\(rest)'")
            }
            name = String(rest)
        case "title": title = try text(rest, keyword, n)
        case "genre": genre = try text(rest, keyword, n)
        case "meter":
            guard let m = Meter(rest) else { throw error(n, "meter must look like 4/4, 3/4 or 6/8, not '\(rest)'") }
            meter = m
        case "tempo":
            guard let bpm = Double(rest), let t = Tempo(bpm: bpm) else {
                throw error(n, "tempo must be beats per minute from 20 to 400, not '\(rest)'")
            }
            tempo = t
        case "feel": feel = try readFeel(rest, n)
        case "humanize": humanize = try readHumanize(rest, n)
        default:
            if Self.partKeywords.contains(keyword.lowercased()) {
                throw error(n, "'\(keyword)' belongs in a part block (write 'part bass' or similar above it)")
            }
            throw error(
                n, "unknown keyword '\(keyword)' (expected one of \(Self.headerKeywords.joined(separator: ", ")), part, section)")
        }
    }

    private func text(_ rest: Substring, _ keyword: Substring, _ line: Int) throws(StyleParseError) -> String {
        guard !rest.isEmpty else { throw error(line, "'\(keyword)' needs a value") }
        var s = rest
        if s.count >= 2, s.first == "\"", s.last == "\"" { s = s.dropFirst().dropLast() }
        return String(s)
    }

    /// `straight`, `shuffle`, `swing 0.62`, `swing 0.6 16` (sixteenths swing).
    private func readFeel(_ rest: Substring, _ line: Int) throws(StyleParseError) -> Feel {
        let w = rest.words
        switch w.first?.lowercased() {
        case "straight" where w.count == 1: return .straight
        case "shuffle" where w.count == 1: return .shuffle
        case "swing" where w.count == 2 || w.count == 3:
            guard let ratio = Double(w[1]), (0.5...0.75).contains(ratio) else {
                throw error(line, "swing ratio must be from 0.5 (straight) to 0.75, not '\(w[1])'")
            }
            var subdivision = 8
            if w.count == 3 {
                guard let s = Int(w[2]), s == 8 || s == 16 else {
                    throw error(line, "swing subdivision must be 8 or 16, not '\(w[2])'")
                }
                subdivision = s
            }
            return .swing(ratio, subdivision: subdivision)
        default:
            throw error(line, "feel must be 'straight', 'shuffle' or 'swing RATIO' (e.g. swing 0.62), not '\(rest)'")
        }
    }

    /// `humanize timing 12 velocity 8` (either may be left out).
    private func readHumanize(_ rest: Substring, _ line: Int) throws(StyleParseError) -> Humanize {
        let w = rest.words
        guard w.count == 2 || w.count == 4 else {
            throw error(line, "humanize must look like 'humanize timing 12 velocity 8'")
        }
        var timing = 0
        var velocity = 0
        var i = 0
        while i + 1 < w.count {
            guard let v = Int(w[i + 1]), (0...480).contains(v) else {
                throw error(line, "humanize amount must be a whole number from 0 to 480, not '\(w[i + 1])'")
            }
            switch w[i].lowercased() {
            case "timing": timing = v
            case "velocity":
                guard v <= 64 else { throw error(line, "humanize velocity must be from 0 to 64, not \(v)") }
                velocity = v
            default: throw error(line, "humanize takes 'timing' and 'velocity', not '\(w[i])'")
            }
            i += 2
        }
        return Humanize(timing: timing, velocity: velocity)
    }

    mutating func readPart(_ part: PartID, _ keyword: Substring, _ rest: Substring, _ line: SourceLine)
        throws(StyleParseError)
    {
        let n = line.number
        var draft = parts[part] ?? PartDraft.defaults(for: part)
        switch keyword.lowercased() {
        case "instrument":
            if let number = Int(rest) {
                guard (1...128).contains(number) else {
                    throw error(n, "instrument number must be from 1 to 128 (the General MIDI list), not \(number)")
                }
                draft.setup.program = UInt7(clamping: number - 1)
            } else if let program = GeneralMIDI.program(named: rest) {
                draft.setup.program = UInt7(clamping: program)
            } else {
                throw error(n, "unknown instrument '\(rest)' (expected a General MIDI name such as Acoustic Bass, or 1-128)")
            }
            draft.setup.isDrumKit = false
        case "kit":
            if let number = Int(rest), (1...128).contains(number) {
                draft.setup.program = UInt7(clamping: number - 1)
            } else if let program = GeneralMIDI.kitProgram(named: rest) {
                draft.setup.program = UInt7(clamping: program)
            } else {
                let names = GeneralMIDI.kits.map(\.name).joined(separator: ", ")
                throw error(n, "unknown drum kit '\(rest)' (expected one of \(names), or 1-128)")
            }
            draft.setup.isDrumKit = true
        case "bank":
            let w = rest.words
            guard (1...2).contains(w.count), let msb = Int(w[0]).flatMap({ UInt7($0) }) else {
                throw error(n, "bank must be 'bank MSB' or 'bank MSB LSB' with values 0-127")
            }
            draft.setup.bankMSB = msb
            if w.count == 2 {
                guard let lsb = Int(w[1]).flatMap({ UInt7($0) }) else { throw error(n, "bank LSB must be 0-127") }
                draft.setup.bankLSB = lsb
            }
        case "volume": draft.setup.volume = try byte(rest, keyword, n)
        case "pan": draft.setup.pan = try byte(rest, keyword, n)
        case "reverb": draft.setup.reverb = try byte(rest, keyword, n)
        case "chorus": draft.setup.chorus = try byte(rest, keyword, n)
        case "velocity":
            let v = try byte(rest, keyword, n)
            guard v.intValue > 0 else { throw error(n, "velocity must be from 1 to 127") }
            draft.velocity = v.intValue
        case "source":
            guard let chord = ChordName.parse(rest) else {
                throw error(n, "unknown source chord '\(rest)' (write it like CMaj7, Cm7, C7 or C)")
            }
            draft.rules.sourceChord = chord
        case "table":
            guard let table = NoteTable.allCases.first(where: { GeneralMIDI.key($0.rawValue) == GeneralMIDI.key(rest) })
            else {
                throw error(
                    n, "unknown table '\(rest)' (expected one of \(Self.tableNames.joined(separator: ", ")))")
            }
            draft.rules.table = table
        case "root": draft.rules.rootRule = try readRoot(rest, n)
        case "limits":
            let w = rest.words
            guard w.count == 2, let low = NoteName.parse(w[0]), let high = NoteName.parse(w[1]) else {
                throw error(n, "limits must be two notes such as 'limits E1 G3', not '\(rest)'")
            }
            guard high.intValue - low.intValue >= 11 else {
                throw error(n, "limits \(w[0])-\(w[1]) must span at least an octave so notes can be folded in")
            }
            draft.rules.lowLimit = low
            draft.rules.highLimit = high
        case "retrigger":
            guard let rule = RetriggerRule.allCases.first(where: { GeneralMIDI.key($0.rawValue) == GeneralMIDI.key(rest) })
            else {
                throw error(
                    n, "unknown retrigger rule '\(rest)' (expected one of \(Self.retriggerNames.joined(separator: ", ")))")
            }
            draft.rules.retrigger = rule
        case "bass-on":
            switch rest.lowercased() {
            case "yes", "on", "true": draft.rules.bassOn = true
            case "no", "off", "false": draft.rules.bassOn = false
            default: throw error(n, "bass-on must be yes or no, not '\(rest)'")
            }
        default:
            if Self.headerKeywords.contains(keyword.lowercased()) {
                throw error(n, "'\(keyword)' belongs in the header, before the first part or section")
            }
            throw error(
                n, "unknown part keyword '\(keyword)' (expected one of \(Self.partKeywords.joined(separator: ", ")))")
        }
        parts[part] = draft
    }

    /// `root transpose`, `root transpose high F`, `root fixed`.
    private func readRoot(_ rest: Substring, _ line: Int) throws(StyleParseError) -> RootRule {
        let w = rest.words
        switch w.first?.lowercased() {
        case "fixed" where w.count == 1: return .fixed
        case "transpose" where w.count == 1: return .transpose(highKey: .fSharp)
        case "transpose" where w.count == 3 && w[1].lowercased() == "high":
            guard let key = PitchClass(name: w[2]) else { throw error(line, "unknown high key '\(w[2])' (write a note name such as F#)") }
            return .transpose(highKey: key)
        default:
            throw error(line, "root must be 'transpose', 'transpose high F#' or 'fixed', not '\(rest)'")
        }
    }

    private func byte(_ rest: Substring, _ keyword: Substring, _ line: Int) throws(StyleParseError) -> UInt7 {
        guard let v = Int(rest), let b = UInt7(v) else {
            throw error(line, "\(keyword) must be a whole number from 0 to 127, not '\(rest)'")
        }
        return b
    }

    /// "melodicMinor5th" -> "melodic-minor-5th": the spelling the documentation uses.
    static func hyphenated(_ raw: String) -> String {
        var out = ""
        for c in raw {
            if c.isUppercase || (c.isNumber && !(out.last?.isNumber ?? true)) { out += "-" }
            out += c.lowercased()
        }
        return out
    }

    static let tableNames = NoteTable.allCases.map { hyphenated($0.rawValue) }
    static let retriggerNames = RetriggerRule.allCases.map { hyphenated($0.rawValue) }
}
