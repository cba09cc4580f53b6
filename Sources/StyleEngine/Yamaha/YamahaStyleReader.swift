import MusicCore

/// Reads Yamaha arranger style files (SFF1 and SFF2: .sty .prs .sst .bcs .pst .pcs .fps).
/// Pure: the caller reads the file and passes its bytes and name. A style is recognised by
/// its content (a Standard MIDI File followed by a CASM chunk), never by its extension.
public enum YamahaStyleReader {
    /// Extensions Yamaha uses for style files (compare lower-cased).
    public static let fileExtensions: Set<String> = ["sty", "prs", "sst", "bcs", "pst", "pcs", "fps"]

    /// Whether the bytes look like a Yamaha style: `MThd` first and a `CASM` chunk after it.
    public static func isYamahaStyle(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("MThd".utf8)) else { return false }
        var position = 0
        while position + 8 <= bytes.count {
            let id = bytes[position..<position + 4]
            if id.elementsEqual("CASM".utf8) { return true }
            let length = bytes[position + 4..<position + 8].reduce(0) { $0 << 8 | Int($1) }
            position += 8 + length
        }
        return false
    }

    /// The playable style. Throws `YamahaStyleError` naming the file and the problem.
    public static func read(_ bytes: [UInt8], fileName: String) throws(YamahaStyleError) -> Style {
        try importStyle(bytes, fileName: fileName).style
    }

    /// The style with everything the importer learnt on the way (tables, markers, notes).
    public static func importStyle(_ bytes: [UInt8], fileName: String) throws(YamahaStyleError) -> YamahaStyleImport {
        do {
            return try decode(bytes, fileName: fileName)
        } catch {
            throw YamahaStyleError(file: fileName, message: error.message)
        }
    }

    static func decode(_ bytes: [UInt8], fileName: String) throws(YamahaFormatProblem) -> YamahaStyleImport {
        guard bytes.count >= 4, bytes.starts(with: Array("MThd".utf8)) else {
            throw YamahaFormatProblem(bytes.isEmpty ? "empty file" : "not a Standard MIDI File (no MThd header; not a Yamaha style?)")
        }
        // Chunk framing first: it finds CASM at its file offset and names a truncated chunk.
        let (chunks, damage) = try YamahaChunk.splitFile(bytes)
        guard chunks.contains(where: { $0.id == "MTrk" }) else { throw YamahaFormatProblem("no MTrk chunk") }
        guard let casmChunk = chunks.first(where: { $0.id == "CASM" }) else {
            throw YamahaFormatProblem("no CASM chunk (not a Yamaha style?)")
        }
        let file: MIDIFile
        do {
            // Tracks come first; reading only up to the last one keeps damage after CASM harmless.
            // Damaged events are skipped, as keyboards do; a track beyond repair is an error.
            let tracksEnd = chunks.last { $0.id == "MTrk" }!.payload.upperBound
            file = try MIDIFile.read(Array(bytes[..<tracksEnd]), repairing: true)
        } catch {
            throw YamahaFormatProblem("MIDI data \(error)")
        }
        guard !file.tracks.isEmpty else { throw YamahaFormatProblem("no MTrk chunk") }
        let casm = try YamahaCASM.decode(bytes, casmChunk.payload)
        let events = YamahaTrackEvent.events(of: file)
        let division = file.ticksPerQuarter
        var builder = YamahaStyleBuilder(events: events, resolution: division, casm: casm, fileName: fileName)
        builder.notes = (damage.map { [$0] } ?? []) + damagedEventsNote(file.damage) + casm.notes
        do {
            return try builder.build()
        } catch {
            // What the damage took (a marker, a section) is why: say where it was.
            guard let first = file.damage.first else { throw error }
            throw YamahaFormatProblem("\(error.message) (the MIDI data is damaged: \(first))")
        }
    }

    /// "3 damaged events skipped (the first: track 1 at byte 1043: …)", or nothing.
    static func damagedEventsNote(_ damage: [MIDIFileError]) -> [String] {
        guard let first = damage.first else { return [] }
        let count = damage.count == 1 ? "1 damaged event skipped" : "\(damage.count) damaged events skipped"
        return ["\(count) (\(damage.count == 1 ? "" : "the first: ")\(first))"]
    }

    /// "16BeatBallad2.S014.prs" → "16BeatBallad2"; "dir/Urban Funk.S066.STY" → "Urban Funk".
    static func title(fromFileName fileName: String) -> String {
        var base = String(fileName.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
        // Yamaha's catalogue code: ".S014", ".T160", ".s264".
        if let dot = base.lastIndex(of: "."), dot != base.startIndex {
            let code = base[base.index(after: dot)...]
            if let first = code.first, "STst".contains(first), code.count >= 2, code.dropFirst().allSatisfy(\.isNumber) {
                base = String(base[..<dot])
            }
        }
        return base.isEmpty ? "Yamaha style" : base
    }

    /// "Urban Funk" → "urban-funk"; "MrMac'sBlues" → "mrmacsblues".
    static func key(fromTitle title: String) -> String {
        var key = ""
        for ch in title.lowercased() where ch != "'" {
            if ch.isLetter || ch.isNumber, ch.isASCII {
                key.append(ch)
            } else if !key.isEmpty, key.last != "-" {
                key.append("-")
            }
        }
        while key.last == "-" { key.removeLast() }
        return key.isEmpty ? "yamaha-style" : key
    }
}
