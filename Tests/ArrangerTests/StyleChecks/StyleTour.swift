import MusicCore
import StyleEngine

/// A style played through the real engine offline over one progression, visiting every
/// section a complete style has: Intro 1, Main A (8 bars), Fill A, Main B, Fill B, Main C,
/// Fill C, Main D, Fill D, Main D, Break, Main D, Ending 1, until the band stops by itself.
/// The checks judge this record; nothing here decides what is good.
struct StyleTour: Sendable {
    var style: Style
    /// The style's file name, for messages.
    var file: String
    var progression: TourProgression
    var notes: [TourNote]
    /// Pairing faults: a second note-on on a sounding key, a note-off with no note-on, a
    /// note still sounding after the band stopped by itself.
    var pairingFaults: [String]
    /// Each section as it started, in order.
    var sectionsPlayed: [(id: SectionID, start: Tick)]
    /// Ticks of the bar lines the engine reported.
    var barLines: [Tick]
    /// Chord changes as the engine applied them.
    var chordChanges: [(tick: Tick, chord: Chord?)]
    /// Whether the band stopped by itself after the ending.
    var stoppedByItself: Bool

    var meter: Meter { style.meter }
    var ticksPerBar: Tick { style.meter.ticksPerBar() }
    var ticksPerBeat: Tick { style.meter.ticksPerBeat() }

    /// Notes of main sections only.
    var mainNotes: [TourNote] { notes.filter { $0.section.isMain } }

    func notes(of part: PartID) -> [TourNote] { notes.filter { $0.part == part } }

    /// The section sounding at `tick`.
    func section(at tick: Tick) -> SectionID? { sectionsPlayed.last { $0.start <= tick }?.id }

    /// A heading for failure messages: "rock-8beat.style over pop".
    var label: String { "\(file) over \(progression.name)" }
}

extension StyleTour {
    /// The felt beat: a dotted quarter in 6/8 and 12/8, else the meter's beat.
    var pulse: Tick { meter.isCompound ? ticksPerBeat * 3 : ticksPerBeat }

    /// How far from a grid point a note may start and still count as on it: humanized
    /// timing only delays, plus a little for sample rounding and the chord's early arrival.
    var slack: Tick { style.humanize.timing + 8 }

    /// Whether the note starts on a beat (of the felt pulse).
    func isOnBeat(_ note: TourNote) -> Bool { note.inBar % pulse <= slack }

    /// Whether a part plays pitched notes (not a drum kit).
    func isPitched(_ part: PartID) -> Bool {
        !part.isRhythm && style.parts[part]?.isDrumKit != true
    }
}
