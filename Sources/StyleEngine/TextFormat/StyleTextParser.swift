import MusicCore

/// Reads a style file in two passes: first the blocks (header, parts, sections) with their
/// lines, then the patterns, once the meter and every part's instrument are known.
struct StyleTextParser {
    let fileName: String
    var name: String?
    var title: String?
    var genre: String?
    var meter = Meter.fourFour
    var tempo = Tempo(bpm: 120)!
    var feel = Feel.straight
    var humanize = Humanize.none
    var parts: [PartID: PartDraft] = [:]
    var partLines: [PartID: Int] = [:]
    var sections: [SectionDraft] = []

    private enum Block {
        case header
        case part(PartID)
        case section
    }
    private var block = Block.header

    init(fileName: String) { self.fileName = fileName }

    func error(_ line: Int, _ message: String) -> StyleParseError {
        StyleParseError(file: fileName, line: line, message: message)
    }

    mutating func read(_ lines: [SourceLine]) throws(StyleParseError) {
        for line in lines {
            let (keyword, rest) = line.keywordAndRest
            switch keyword.lowercased() {
            case "part":
                guard let part = PartID(key: rest) else {
                    throw error(line.number, "unknown part '\(rest)' (expected one of \(Self.partKeys))")
                }
                if let first = partLines[part] {
                    throw error(line.number, "part '\(part.key)' is already described on line \(first)")
                }
                partLines[part] = line.number
                parts[part] = parts[part] ?? PartDraft.defaults(for: part)
                block = .part(part)
                continue
            case "section":
                guard let id = SectionID(name: rest) else {
                    throw error(
                        line.number,
                        "unknown section '\(rest)' (expected Intro 1-3, Main A-D, Fill A-D, Break or Ending 1-3)")
                }
                if let first = sections.first(where: { $0.id == id }) {
                    throw error(line.number, "section '\(id.name)' is already written on line \(first.line)")
                }
                sections.append(SectionDraft(id: id, line: line.number, bars: nil, tracks: []))
                block = .section
                continue
            default:
                break
            }
            switch block {
            case .header: try readHeader(keyword, rest, line)
            case .part(let part): try readPart(part, keyword, rest, line)
            case .section: try readSectionLine(line)
            }
        }
    }

    static let partKeys = PartID.allCases.map(\.key).joined(separator: ", ")

    private mutating func readSectionLine(_ line: SourceLine) throws(StyleParseError) {
        let index = sections.count - 1
        let (keyword, rest) = line.keywordAndRest
        if keyword.lowercased() == "bars" {
            guard sections[index].bars == nil else { throw error(line.number, "'bars' is given twice in this section") }
            guard let bars = Int(rest), (1...64).contains(bars) else {
                throw error(line.number, "bars must be a whole number from 1 to 64, not '\(rest)'")
            }
            sections[index].bars = bars
            return
        }
        if let colon = line.text.firstIndex(of: ":") {
            let head = line.text[..<colon].words
            let body = line.text[line.text.index(after: colon)...].trimmed
            guard let first = head.first, let part = PartID(key: first) else {
                throw error(
                    line.number, "unknown part '\(line.text[..<colon].trimmed)' (expected one of \(Self.partKeys))")
            }
            var mask = TranspositionRules.allTypes
            if head.count > 1 {
                guard head[1].lowercased() == "when", head.count > 2 else {
                    throw error(line.number, "expected '\(part.key):' or '\(part.key) when minor:' before the pattern")
                }
                mask = try typeMask(head[2...].joined(separator: " "), line: line.number)
            }
            parts[part] = parts[part] ?? PartDraft.defaults(for: part)
            var track = TrackDraft(part: part, typeMask: mask, line: line.number, lines: [])
            if !body.isEmpty { track.lines.append(SourceLine(number: line.number, text: body)) }
            sections[index].tracks.append(track)
            return
        }
        guard !sections[index].tracks.isEmpty else {
            throw error(line.number, "pattern line before any part (start with a part name such as 'bass:')")
        }
        sections[index].tracks[sections[index].tracks.count - 1].lines.append(line)
    }

    /// `when minor`, `when major`, `when 7, m7b5`: the chord types a track plays on.
    private func typeMask(_ text: String, line: Int) throws(StyleParseError) -> UInt64 {
        var mask: UInt64 = 0
        for item in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            switch item.lowercased() {
            case "all", "any": mask |= TranspositionRules.allTypes
            case "minor": for t in ChordType.allCases where t.isMinor { mask |= 1 << UInt64(t.rawValue) }
            case "major": for t in ChordType.allCases where !t.isMinor { mask |= 1 << UInt64(t.rawValue) }
            case "dominant":
                for t in ChordType.allCases where t.tones.contains(4) && t.tones.contains(10) {
                    mask |= 1 << UInt64(t.rawValue)
                }
            default:
                guard let t = ChordName.type(item) else {
                    throw error(line, "unknown chord group '\(item)' (expected major, minor, dominant, all or a chord type such as m7)")
                }
                mask |= 1 << UInt64(t.rawValue)
            }
        }
        return mask
    }

    func build() throws(StyleParseError) -> Style {
        guard sections.contains(where: { $0.id.isMain }) else {
            throw error(0, "no Main section (a style needs at least 'section Main A')")
        }
        let barLength = meter.ticksPerBar()
        var built: [SectionID: Section] = [:]
        for draft in sections {
            guard let bars = draft.bars else {
                throw error(draft.line, "section '\(draft.id.name)' has no 'bars' line (for example 'bars 4')")
            }
            var tracks: [PartID: [PatternTrack]] = [:]
            for track in draft.tracks {
                let setup = parts[track.part] ?? PartDraft.defaults(for: track.part)
                let context = PatternContext(
                    fileName: fileName, part: track.part, section: draft.id, headerLine: track.line, meter: meter,
                    bars: bars, velocity: setup.velocity)
                let notes: [PatternNote] =
                    setup.setup.isDrumKit
                    ? try DrumGridReader.read(track.lines, context: context)
                    : try NoteLineReader.read(track.lines, context: context)
                var rules = setup.rules
                rules.typeMask = track.typeMask
                tracks[track.part, default: []].append(PatternTrack(rules: rules, notes: notes))
            }
            built[draft.id] = Section(id: draft.id, length: bars * barLength, parts: tracks)
        }
        let styleName = name ?? StyleTextFormat.defaultName(forFile: fileName)
        return Style(
            name: styleName, title: title ?? styleName, genre: genre ?? "Other", meter: meter, tempo: tempo,
            feel: feel, humanize: humanize, parts: parts.mapValues(\.setup), sections: built, source: fileName)
    }
}
