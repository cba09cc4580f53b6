import Foundation
import MusicCore
import StyleEngine

/// What `sideman styles inspect` prints, built from an imported style without I/O so tests
/// run it in-process. The same values print as text or as JSON.
struct StylesInspectReport: Codable, Hashable {
    struct PartSound: Codable, Hashable {
        var part: String
        var channel: Int
        var program: Int
        var bankMSB: Int
        var bankLSB: Int
        var drumKit: Bool
        var volume: Int
        var pan: Int
        var reverb: Int
        var chorus: Int
    }

    struct Track: Codable, Hashable {
        var part: String
        /// 1-based source channel and the table's name; nil when the channel had no table.
        var sourceChannel: Int?
        var name: String?
        var notes: Int
        var sourceChord: String
        var table: String
        var bassOn: Bool
        var rootRule: String
        var lowLimit: String
        var highLimit: String
        var retrigger: String
        var roots: String
        var chordTypes: String
    }

    struct SectionReport: Codable, Hashable {
        var section: String
        var bars: Int
        var tracks: [Track]
    }

    var name: String
    var title: String
    var file: String
    var format: String
    var resolution: Int
    var tempo: Double
    var meter: String
    var sections: [SectionReport]
    var parts: [PartSound]
    var skippedMarkers: [String]
    var notes: [String]

    init(_ imported: YamahaStyleImport) {
        let style = imported.style
        name = style.name
        title = style.title
        file = style.source ?? ""
        format = imported.version.rawValue
        resolution = imported.resolution
        tempo = (style.tempo.bpm * 10).rounded() / 10
        meter = style.meter.description
        parts = style.parts.keys.sorted().map { part in
            let s = style.parts[part]!
            return PartSound(
                part: part.key, channel: part.channel.intValue + 1, program: s.program.intValue,
                bankMSB: s.bankMSB.intValue, bankLSB: s.bankLSB.intValue, drumKit: s.isDrumKit,
                volume: s.volume.intValue, pan: s.pan.intValue, reverb: s.reverb.intValue, chorus: s.chorus.intValue)
        }
        sections = style.sectionIDs.map { id in
            let section = style.sections[id]!
            var tracks: [Track] = []
            for part in section.parts.keys.sorted() {
                let tables = imported.trackTables[id]?[part] ?? []
                for (i, track) in section.parts[part]!.enumerated() {
                    let table = i < tables.count ? tables[i] : nil
                    tracks.append(Self.track(track, part: part, table: table))
                }
            }
            return SectionReport(section: id.name, bars: section.bars(meter: style.meter), tracks: tracks)
        }
        skippedMarkers = imported.markers.filter { $0.section == nil }.map(\.name)
        notes = imported.notes
    }

    static func track(_ track: PatternTrack, part: PartID, table: YamahaChannelTable?) -> Track {
        let r = track.rules
        let rootRule: String
        switch r.rootRule {
        case .fixed: rootRule = "root fixed"
        case .transpose(let highKey): rootRule = "root trans, high key \(highKey)"
        }
        return Track(
            part: part.key, sourceChannel: table.map { $0.sourceChannel + 1 }, name: table?.name,
            notes: track.notes.count, sourceChord: r.sourceChord.symbol, table: r.table.rawValue, bassOn: r.bassOn,
            rootRule: rootRule, lowLimit: NoteName.name(of: r.lowLimit), highLimit: NoteName.name(of: r.highLimit),
            retrigger: r.retrigger.rawValue, roots: roots(r.rootMask), chordTypes: types(r.typeMask))
    }

    /// "all", "none" or the pitch classes: "C C# G# A Bb B".
    static func roots(_ mask: UInt16) -> String {
        let on = PitchClass.allCases.filter { mask & (1 << UInt16($0.rawValue)) != 0 }
        if on.count == 12 { return "all" }
        if on.isEmpty { return "none" }
        return on.map(\.description).joined(separator: " ")
    }

    /// "all", "all but m m6 …", "none" or the list, plus "+ no chord" when bit 34 is set.
    static func types(_ mask: UInt64) -> String {
        let on = ChordType.allCases.filter { mask & (1 << UInt64($0.rawValue)) != 0 }
        let off = ChordType.allCases.filter { mask & (1 << UInt64($0.rawValue)) == 0 }
        var text: String
        if off.isEmpty {
            text = "all"
        } else if on.isEmpty {
            text = "none"
        } else if off.count < on.count {
            text = "all but " + off.map(\.yamahaName).joined(separator: " ")
        } else {
            text = on.map(\.yamahaName).joined(separator: " ")
        }
        if mask & (1 << UInt64(ChordType.cancelCode)) != 0 { text += " + no chord" }
        return text
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    var text: String {
        var out = "\(title) (\(name)) — Yamaha \(format), \(resolution) ticks per quarter\n"
        out += "File: \(file)\n"
        let tempoText = tempo == tempo.rounded() ? String(Int(tempo)) : String(tempo)
        out += "Tempo: \(tempoText) BPM   Meter: \(meter)\n"
        out += "Sections: " + sections.map { "\($0.section) (\($0.bars) bar\($0.bars == 1 ? "" : "s"))" }.joined(separator: ", ") + "\n"
        if !skippedMarkers.isEmpty { out += "Skipped sections: \(skippedMarkers.joined(separator: ", "))\n" }
        out += "\nParts:\n"
        for p in parts {
            let sound = p.drumKit ? "drum kit \(p.program)" : "program \(p.program)"
            out += "  \(pad(p.part, 8)) ch \(pad(String(p.channel), 3)) \(pad(sound, 13)) bank \(p.bankMSB)/\(p.bankLSB)"
            out += "  vol \(p.volume) pan \(p.pan) rev \(p.reverb) cho \(p.chorus)\n"
        }
        for s in sections {
            out += "\n\(s.section) — \(s.bars) bar\(s.bars == 1 ? "" : "s")\n"
            for t in s.tracks {
                let source = t.sourceChannel.map { "ch \(pad(String($0), 2)) \(pad("\"\(t.name ?? "")\"", 10))" } ?? pad("(no table)", 16)
                var line = "  \(pad(t.part, 8)) \(source) \(pad(String(t.notes), 4)) notes  \(pad(t.sourceChord, 6))"
                line += " \(t.table)\(t.bassOn ? "+bass" : ""), \(t.rootRule), \(t.lowLimit)–\(t.highLimit), \(t.retrigger)"
                if t.roots != "all" { line += ", roots \(t.roots)" }
                if t.chordTypes != "all" { line += ", types \(t.chordTypes)" }
                out += line + "\n"
            }
        }
        if !notes.isEmpty {
            out += "\nNotes:\n"
            for n in notes { out += "  - \(n)\n" }
        }
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
