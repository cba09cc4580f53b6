import MusicCore

/// What a pattern reader needs to know about the track it reads: where it is (for errors),
/// the meter, the section's length and the part's plain velocity.
struct PatternContext: Sendable {
    let fileName: String
    let part: PartID
    let section: SectionID
    let headerLine: Int
    let meter: Meter
    let bars: Int
    let velocity: Int

    var barLength: Tick { meter.ticksPerBar() }
    var sectionLength: Tick { barLength * bars }
    var where_: String { "\(part.key) in '\(section.name)'" }

    func error(_ line: Int, _ message: String) -> StyleParseError {
        StyleParseError(file: fileName, line: line, message: message)
    }

    /// Velocity of a plain hit, an accent and a ghost note, all relative to the part's velocity.
    var plain: Int { velocity }
    var accent: Int { min(127, velocity + 24) }
    var ghost: Int { max(1, velocity * 45 / 100) }

    /// A tick count in beats for messages: "3.5 beats".
    func beats(_ ticks: Tick) -> String {
        let perBeat = meter.ticksPerBeat()
        let whole = ticks / perBeat
        let rest = ticks % perBeat
        if rest == 0 { return whole == 1 ? "1 beat" : "\(whole) beats" }
        let hundredths = rest * 100 / perBeat
        let fraction = hundredths % 10 == 0 ? "\(hundredths / 10)" : (hundredths < 10 ? "0\(hundredths)" : "\(hundredths)")
        return "\(whole).\(fraction) beats"
    }

    /// Makes a pattern shorter than the section fill it, if it divides it into whole repeats.
    func repeated(_ notes: [PatternNote], length: Tick, line: Int) throws(StyleParseError) -> [PatternNote] {
        if length == sectionLength || length == 0 { return notes }
        if length > sectionLength {
            throw error(line, "\(where_) lasts \(barsText(length)); the section has \(bars) bar\(bars == 1 ? "" : "s")")
        }
        guard length % barLength == 0, sectionLength % length == 0 else {
            throw error(
                line,
                "\(where_) lasts \(barsText(length)); the section has \(bars) bar\(bars == 1 ? "" : "s") "
                    + "(a shorter pattern must repeat a whole number of times)")
        }
        var out: [PatternNote] = []
        var offset = 0
        while offset < sectionLength {
            for note in notes { out.append(PatternNote(tick: note.tick + offset, duration: note.duration, note: note.note, velocity: note.velocity)) }
            offset += length
        }
        return out
    }

    func barsText(_ ticks: Tick) -> String {
        if ticks % barLength == 0 {
            let b = ticks / barLength
            return b == 1 ? "1 bar" : "\(b) bars"
        }
        return "\(ticks / barLength) bar\(ticks / barLength == 1 ? "" : "s") and \(beats(ticks % barLength))"
    }
}
