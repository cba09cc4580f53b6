import MusicCore

/// Reads drum grid lines: `kick  x . . . x . . . | x . . x x . . .`. Each bar is divided
/// evenly into as many steps as it has cells; a drum's bars continue on its next line.
enum DrumGridReader {
    private struct Lane {
        var note: Int
        var line: Int
        var bars: [[Character]] = []
    }

    static let stepSymbols = ". x X g 1-9"

    static func read(_ lines: [SourceLine], context: PatternContext) throws(StyleParseError) -> [PatternNote] {
        var lanes: [Lane] = []
        for line in lines {
            let (name, rest) = line.keywordAndRest
            guard let note = GeneralMIDI.drumNote(named: name) else {
                let names = GeneralMIDI.drums.prefix(12).map(\.name).joined(separator: ", ")
                throw context.error(line.number, "unknown drum '\(name)' (expected one of \(names), … or a note number)")
            }
            let index: Int
            if let existing = lanes.firstIndex(where: { $0.note == note }) {
                index = existing
            } else {
                lanes.append(Lane(note: note, line: line.number))
                index = lanes.count - 1
            }
            for bar in rest.split(separator: "|") {
                let cells = bar.filter { !$0.isWhitespace }
                if cells.isEmpty { continue }
                if cells == "%" {
                    guard let previous = lanes[index].bars.last else {
                        throw context.error(line.number, "'%' repeats the previous bar, but \(name) has none yet")
                    }
                    lanes[index].bars.append(previous)
                    continue
                }
                for c in cells where velocity(c, context) == nil && c != "." && c != "-" {
                    throw context.error(line.number, "unknown step '\(c)' for \(name) (use \(stepSymbols))")
                }
                let count = cells.count
                guard context.barLength % count == 0 else {
                    throw context.error(
                        line.number,
                        "\(name) has a bar of \(count) steps, which does not divide a \(context.meter) bar evenly")
                }
                lanes[index].bars.append(Array(cells))
            }
        }
        var notes: [PatternNote] = []
        for lane in lanes {
            var lanes_: [PatternNote] = []
            for (b, cells) in lane.bars.enumerated() {
                let step = context.barLength / cells.count
                for (i, c) in cells.enumerated() {
                    guard let v = velocity(c, context) else { continue }
                    lanes_.append(
                        PatternNote(
                            tick: b * context.barLength + i * step, duration: step, note: UInt7(clamping: lane.note),
                            velocity: UInt7(clamping: v)))
                }
            }
            notes += try context.repeated(lanes_, length: lane.bars.count * context.barLength, line: lane.line)
        }
        return notes
    }

    static func velocity(_ c: Character, _ context: PatternContext) -> Int? {
        switch c {
        case "x": context.plain
        case "X": context.accent
        case "g": context.ghost
        case "1"..."9": (Int(String(c))! * 127 + 4) / 9
        default: nil
        }
    }
}
