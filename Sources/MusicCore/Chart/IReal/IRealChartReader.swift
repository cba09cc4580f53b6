/// Reads an iReal Pro song's chord chart (its token language, unscrambled) into bars with
/// their marks, then into a chart: `*A` sections, `{ }` repeats, `N1` `N2` endings, `S`
/// segno, `Q` coda, `<D.S. al Coda>`-style directions, `T44` meter, `x` and `r` bar
/// repeats, `n` no chord, `p` slash, `W` invisible root; spacing and size marks (`Y`, `s`,
/// `l`, `,`) are layout only.
struct IRealChartReader {
    struct RawBar {
        var chords: [ChartChord] = []
        var section: String?
        var repeatStart = false
        var repeatTimes: Int?
        var endings: Set<Int> = []
        var endingMark: String?
        var segno = false
        var coda = false
        var jump: String?  // "D.S." or "D.C.", with "Fine" or "Coda" after it
        var fine = false
        var hasContent: Bool { !chords.isEmpty }
    }

    var bars: [RawBar] = []
    var bar = RawBar()
    var meter: Meter?
    var unplayable: [IRealImport.Unplayable] = []
    var notes: [String] = []
    var openEnding: Int?
    var afterClosing = true
    var pendingTwo: [ChartChord]?
    var pendingTimes: Int?
    var lastChord: ChartChord?

    static func read(_ song: IRealSong) -> IRealImport {
        var reader = IRealChartReader()
        reader.scan(Array(song.music))
        return reader.chart(for: song)
    }

    mutating func scan(_ c: [Character]) {
        var i = 0
        func at(_ k: Int) -> Character? { k < c.count ? c[k] : nil }
        while i < c.count {
            let ch = c[i]
            switch ch {
            case "|": close(kind: .single); i += 1
            case "[":
                // A double bar ends the last ending, as "||" does in our charts.
                close(kind: .open)
                openEnding = nil
                i += 1
            case "{":
                close(kind: .open)
                openEnding = nil
                bar.repeatStart = true
                i += 1
            case "]", "Z":
                close(kind: .closing)
                openEnding = nil
                i += 1
            case "}":
                close(kind: .closing, closesRepeat: true)
                i += 1
            case "*":
                if let mark = at(i + 1), mark.isLetter || mark.isNumber {
                    bar.section = mark == "i" ? "Intro" : mark == "V" || mark == "v" ? "Verse" : String(mark).uppercased()
                    openEnding = nil  // an ending ends with its section
                }
                i += 2
            case "T":
                var digits = ""
                var k = i + 1
                // ASCII digits only: other numeric characters (¼, Arabic-Indic digits) have no Int value.
                while let d = at(k), d.isASCII, d.isNumber, digits.count < 3 { digits.append(d); k += 1 }
                let values = digits.compactMap(\.wholeNumberValue)
                let m: Meter? = digits == "12" ? .twelveEight : values.count == 2
                    ? Meter(beatsPerBar: values[0], beatUnit: values[1]) : nil
                if let m {
                    if meter == nil { meter = m } else if m != meter { notes.append("bar \(bars.count + 1): a change of meter to \(m) is not carried over") }
                }
                i = k
            case "N":
                if let d = at(i + 1), let n = Int(String(d)), n >= 1 { openEnding = n }
                i += 2
            case "<":
                var k = i + 1
                var text = ""
                while let t = at(k), t != ">" { text.append(t); k += 1 }
                comment(text)
                i = k + 1
            case "S": bar.segno = true; i += 1
            case "Q": bar.coda = true; i += 1
            case "f":
                notes.append("bar \(bars.count + 1): a fermata is not carried over")
                i += 1
            case "x":
                if let previous = bars.last { bar.chords = previous.chords.map { ChartChord($0.symbol) } }
                i += 1
            case "r":
                if bars.count >= 2 {
                    bar.chords = bars[bars.count - 2].chords
                    pendingTwo = bars[bars.count - 1].chords
                }
                i += 1
            case "n":
                bar.chords.append(ChartChord(ChordSymbol(nil)))
                lastChord = bar.chords.last
                i += 1
            case "p":
                if let lastChord { bar.chords.append(lastChord) }
                i += 1
            case "A"..."G", "W":
                i = chord(c, from: i)
            default:
                i += 1  // Y spacing, s/l chord size, U player end, punctuation, spaces
            }
        }
        close(kind: .closing)
    }

    enum Delimiter { case single, open, closing }

    mutating func close(kind: Delimiter, closesRepeat: Bool = false) {
        if !bar.hasContent, let two = pendingTwo {
            bar.chords = two
            pendingTwo = nil
        } else if bar.hasContent {
            pendingTwo = nil
        }
        if !bar.hasContent && !afterClosing && kind == .single, let last = bars.last {
            // "| |": the bar goes on with the chord before.
            bar.chords = [last.chords.last!]
        }
        if bar.hasContent {
            // The ending a bar belongs to, marked ("2.") on the bar that begins it.
            bar.endingMark = nil
            if let n = openEnding {
                bar.endings = [n]
                let previous = bars.last
                if previous == nil || previous!.endings != bar.endings || previous!.repeatTimes != nil || bar.section != nil || bar.repeatStart {
                    bar.endingMark = "\(n)."
                }
            }
            if closesRepeat { bar.repeatTimes = pendingTimes ?? 2 }
            bars.append(bar)
            bar = RawBar()
        } else if closesRepeat, !bars.isEmpty {
            bars[bars.count - 1].repeatTimes = pendingTimes ?? 2
        }
        if closesRepeat {
            pendingTimes = nil
            openEnding = nil
        }
        afterClosing = kind != .single
    }

    mutating func comment(_ text: String) {
        let lower = text.lowercased()
        if lower.contains("d.s.") || lower.contains("d.c.") {
            let base = lower.contains("d.s.") ? "D.S." : "D.C."
            bar.jump = lower.contains("fine") ? base + " al Fine" : base + " al Coda"
        } else if lower.trimmingSpaces == "fine" {
            bar.fine = true
        } else if let x = lower.firstIndex(of: "x"), let n = Int(lower[..<x].trimmingSpaces), (2...9).contains(n) {
            pendingTimes = n
        } else if !text.trimmingSpaces.isEmpty {
            notes.append("bar \(bars.count + 1): comment \"\(text)\"")
        }
    }

    /// A chord token: root, quality, slash bass, an alternate chord in parentheses (skipped).
    mutating func chord(_ c: [Character], from start: Int) -> Int {
        var i = start
        var root = String(c[i])
        i += 1
        if i < c.count, c[i] == "#" || c[i] == "b" { root.append(c[i]); i += 1 }
        var quality = ""
        while i < c.count {
            let rest = String(c[i..<min(c.count, i + 3)])
            if rest == "sus" || rest == "add" || rest == "alt" {
                quality += rest
                i += 3
            } else if "+-^ho#b0123456789".contains(c[i]) {
                quality.append(c[i])
                i += 1
            } else {
                break
            }
        }
        var bass: String?
        if i + 1 < c.count, c[i] == "/", "ABCDEFG".contains(c[i + 1]) {
            var b = String(c[i + 1])
            i += 2
            if i < c.count, c[i] == "#" || c[i] == "b" { b.append(c[i]); i += 1 }
            bass = b
        }
        if i < c.count, c[i] == "(" {
            while i < c.count, c[i] != ")" { i += 1 }
            i += 1
        }
        if root.hasPrefix("W") {
            // The invisible root: the chord before's root with a new quality.
            guard let previous = lastChord?.symbol.chord else { return i }
            root = previous.root.name(preferringFlats: true)
        }
        let written = root + quality + (bass.map { "/" + $0 } ?? "")
        let text = IRealChordTranslator.symbolText(root: root, quality: quality, bass: bass)
        let (symbol, exact) = IRealChordTranslator.playable(text)
        if !exact {
            unplayable.append(.init(bar: bars.count + 1, symbol: written, playedAs: symbol.text))
        }
        let chord = ChartChord(symbol)
        bar.chords.append(chord)
        lastChord = chord
        return i
    }
}
