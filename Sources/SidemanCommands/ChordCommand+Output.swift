import ChordRecognition
import MusicCore

/// The parts of `sideman chord` that are not I/O: parsing a note list, recognising it and
/// formatting the answer, so tests run them in-process.
extension ChordCommand {
    struct InputError: Error, Equatable {
        var message: String
    }

    /// Parses MIDI numbers or note names (NoteName.parse; C4 = 60).
    static func parseNotes(_ words: [String]) -> Result<[UInt7], InputError> {
        var keys: [UInt7] = []
        for word in words {
            if let number = Int(word), !(0...127).contains(number) {
                return .failure(InputError(message: "note number \(number) is outside 0-127"))
            }
            guard let note = NoteName.parse(word) else {
                return .failure(InputError(message: "unknown note '\(word)'"))
            }
            keys.append(note)
        }
        return .success(keys)
    }

    /// Each call stands alone: no previous chord, as the command has no memory.
    static func recognize(_ keys: [UInt7], mode: FingeringMode) -> ChordReading {
        ChordRecognizer(mode: mode).recognize(notes: keys)
    }

    /// The answer for one line of `--stdin` input (numbered from 1), without newline.
    static func answer(line: String, number: Int, mode: FingeringMode, json: Bool) -> String {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        switch parseNotes(words) {
        case .failure(let error):
            let message = "line \(number): \(error.message)"
            return json ? "{\"error\":\(JSONText.quote(message))}" : "error: \(message)"
        case .success(let keys):
            return format(recognize(keys, mode: mode), json: json)
        }
    }

    /// Plain: the symbol (`C7`, `C/E`), `NC` for cancel, `none` when no chord is read.
    /// JSON: `{"symbol":…,"root":…,"bass":…,"type":…,"typeName":…}` in that order.
    static func format(_ reading: ChordReading, json: Bool) -> String {
        switch reading {
        case .chord(let chord):
            if !json { return chord.symbol }
            return "{\"symbol\":\(JSONText.quote(chord.symbol)),\"root\":\(chord.root.rawValue),"
                + "\"bass\":\(chord.bass.rawValue),\"type\":\(chord.type.rawValue),"
                + "\"typeName\":\(JSONText.quote(chord.type.yamahaName))}"
        case .cancel:
            if !json { return "NC" }
            return "{\"symbol\":\"NC\",\"root\":null,\"bass\":null,\"type\":\(ChordType.cancelCode),\"typeName\":\"cancel\"}"
        case .unrecognised:
            if !json { return "none" }
            return "{\"symbol\":null,\"root\":null,\"bass\":null,\"type\":null,\"typeName\":null}"
        }
    }
}
