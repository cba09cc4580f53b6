import MusicCore
import StyleEngine

/// One note the band played during a style tour, with everything a check needs to judge it
/// and an author needs to find it: where it fell (section, pattern bar, beat) and the chord
/// sounding when it started. Ticks count from the band's start at 1920 per quarter.
struct TourNote: Hashable, Sendable {
    var part: PartID
    var key: Int
    var velocity: Int
    var start: Tick
    var end: Tick
    var section: SectionID
    /// Bar of the section's pattern, from 1 (a fill's single bar is its pattern's last bar).
    var patternBar: Int
    /// Ticks from the start of the bar the note falls in.
    var inBar: Tick
    var chord: Chord?
    /// Where the chord sounding at the note's start began.
    var chordStart: Tick

    var pitchClass: PitchClass { PitchClass(wrapping: key) }

    /// "E3 (key 52) at Main B bar 2 beat 3.5 over Am7".
    func describe(meter: Meter) -> String {
        let beatTicks = meter.ticksPerBeat()
        let beat = Double(inBar) / Double(beatTicks) + 1
        let beatText = beat == beat.rounded() ? "\(Int(beat))" : String(format: "%.2f", beat)
        let name = UInt7(key).map { NoteName.name(of: $0) } ?? "\(key)"
        return "\(name) (key \(key), vel \(velocity)) at \(section) bar \(patternBar) beat \(beatText) over \(chord?.symbol ?? "NC")"
    }
}
