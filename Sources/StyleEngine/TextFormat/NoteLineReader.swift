import MusicCore

/// Reads pitched pattern lines, written one note after another as a musician reads them:
/// `C2/q E2 G2 A2 | [E3 G3 B3 D4]/q. r/e r/h`. Notes are named as written against the
/// source chord (CMaj7 by default); the engine moves them onto the chord being played.
enum NoteLineReader {
    private struct Token {
        var text: Substring
        var line: Int
    }

    static func read(_ lines: [SourceLine], context: PatternContext) throws(StyleParseError) -> [PatternNote] {
        var notes: [PatternNote] = []
        var position: Tick = 0
        var lastBarLine: Tick = 0
        var duration: Tick = PPQ.standard
        let barLength = context.barLength
        for token in try tokens(lines, context) {
            let t = token.text
            if t == "|" {
                guard position % barLength == 0, position > lastBarLine else {
                    let into = position - (position / barLength) * barLength
                    let bar = position / barLength + 1
                    throw context.error(
                        token.line,
                        position == lastBarLine
                            ? "empty bar in \(context.where_) (two '|' with nothing between)"
                            : "'|' falls \(context.beats(into)) into bar \(bar) of \(context.where_); "
                                + "the notes before it add up to \(context.barsText(position))")
                }
                lastBarLine = position
                continue
            }
            if t == "%" {
                guard position % barLength == 0, position >= barLength else {
                    throw context.error(token.line, "'%' (repeat the previous bar) must start a bar after the first")
                }
                let start = position - barLength
                for n in notes where n.tick >= start && n.tick < position {
                    notes.append(PatternNote(tick: n.tick + barLength, duration: n.duration, note: n.note, velocity: n.velocity))
                }
                position += barLength
                continue
            }
            let element = try parseElement(t, line: token.line, defaultDuration: duration, context: context)
            duration = element.duration
            let sounding = element.staccato ? max(1, element.duration / 2) : element.duration
            for pitch in element.pitches {
                notes.append(PatternNote(tick: position, duration: sounding, note: pitch, velocity: UInt7(clamping: element.velocity)))
            }
            position += element.duration
        }
        let headerLine = lines.last?.number ?? context.headerLine
        return try context.repeated(notes, length: position, line: headerLine)
    }

    /// Splits lines into tokens: whitespace separates, `|` stands alone, `[ ... ]` keeps its spaces.
    private static func tokens(_ lines: [SourceLine], _ context: PatternContext) throws(StyleParseError) -> [Token] {
        var out: [Token] = []
        for line in lines {
            let s = line.text
            var i = s.startIndex
            var start: Substring.Index? = nil
            var inChord = false
            func flush(_ end: Substring.Index) {
                if let st = start, st < end { out.append(Token(text: s[st..<end], line: line.number)) }
                start = nil
            }
            while i < s.endIndex {
                let c = s[i]
                if inChord {
                    if c == "]" { inChord = false }
                } else if c == "[" {
                    if start == nil { start = i }
                    inChord = true
                } else if c.isWhitespace {
                    flush(i)
                } else if c == "|" {
                    flush(i)
                    out.append(Token(text: s[i...i], line: line.number))
                } else if start == nil {
                    start = i
                }
                i = s.index(after: i)
            }
            if inChord { throw context.error(line.number, "'[' without a closing ']' in \(context.where_)") }
            flush(s.endIndex)
        }
        return out
    }

    struct Element {
        var pitches: [UInt7]
        var duration: Tick
        var velocity: Int
        var staccato: Bool
    }

    /// One note, chord or rest: `C2`, `F#3/e.`, `[E3 G3 B3]/q@90`, `r/h`, `G2/e!'`.
    static func parseElement(_ text: Substring, line: Int, defaultDuration: Tick, context: PatternContext)
        throws(StyleParseError) -> Element
    {
        var head: Substring
        var rest: Substring
        if text.first == "[" {
            let close = text.firstIndex(of: "]")!
            head = text[text.index(after: text.startIndex)..<close]
            rest = text[text.index(after: close)...]
        } else {
            let cut = text.firstIndex(where: { "/@!'".contains($0) }) ?? text.endIndex
            head = text[..<cut]
            rest = text[cut...]
        }
        var pitches: [UInt7] = []
        let isRest = head == "r" || head == "R"
        if !isRest {
            let names = head.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            if names.isEmpty { throw context.error(line, "empty chord '\(text)' in \(context.where_)") }
            for name in names {
                guard name.first?.isLetter == true, let pitch = NoteName.parse(name) else {
                    throw context.error(
                        line, "unknown note '\(name)' in \(context.where_) (write a note with its octave, such as C2, F#3 or Bb2)")
                }
                pitches.append(pitch)
            }
        }
        var element = Element(pitches: pitches, duration: defaultDuration, velocity: context.plain, staccato: false)
        while let c = rest.first {
            switch c {
            case "/":
                let end = rest.dropFirst().firstIndex(where: { "@!'".contains($0) }) ?? rest.endIndex
                let spec = rest[rest.index(after: rest.startIndex)..<end]
                guard let d = duration(spec) else {
                    throw context.error(
                        line, "unknown duration '\(spec)' in '\(text)' (use w h q e s t, with . for dotted, 3 for triplet, + to tie)")
                }
                element.duration = d
                rest = rest[end...]
            case "@":
                let end = rest.dropFirst().firstIndex(where: { "/!'".contains($0) }) ?? rest.endIndex
                let spec = rest[rest.index(after: rest.startIndex)..<end]
                guard let v = Int(spec), (1...127).contains(v) else {
                    throw context.error(line, "velocity '@\(spec)' in '\(text)' must be from 1 to 127")
                }
                element.velocity = v
                rest = rest[end...]
            case "!":
                element.velocity = context.accent
                rest = rest.dropFirst()
            case "'":
                element.staccato = true
                rest = rest.dropFirst()
            default:
                throw context.error(line, "unexpected '\(c)' in '\(text)' (\(context.where_))")
            }
        }
        if isRest && element.staccato {
            throw context.error(line, "a rest cannot be staccato ('\(text)')")
        }
        return element
    }

    /// `q` 1920, `e.` 1440, `e3` 640 (triplet), `h+e` 4800 (tied), at PPQ 1920.
    static func duration(_ spec: some StringProtocol) -> Tick? {
        guard !spec.isEmpty else { return nil }
        var total = 0
        for part in spec.split(separator: "+", omittingEmptySubsequences: false) {
            guard let letter = part.first else { return nil }
            var ticks: Int
            switch letter {
            case "w": ticks = PPQ.standard * 4
            case "h": ticks = PPQ.standard * 2
            case "q": ticks = PPQ.standard
            case "e": ticks = PPQ.standard / 2
            case "s": ticks = PPQ.standard / 4
            case "t": ticks = PPQ.standard / 8
            default: return nil
            }
            var dotted = false
            var triplet = false
            for m in part.dropFirst() {
                switch m {
                case "." where !dotted: dotted = true
                case "3" where !triplet: triplet = true
                default: return nil
                }
            }
            if dotted { ticks = ticks * 3 / 2 }
            if triplet { ticks = ticks * 2 / 3 }
            total += ticks
        }
        return total
    }
}
