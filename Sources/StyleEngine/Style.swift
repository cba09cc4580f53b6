import MusicCore

/// A complete accompaniment style: the sound of each part and the patterns of each section.
/// Our own text styles and imported Yamaha styles both become this one value.
public struct Style: Hashable, Sendable {
    /// Short key used on the command line and in config: "medium-swing".
    public var name: String
    /// Human title: "Medium Swing".
    public var title: String
    public var genre: String
    public var meter: Meter
    public var tempo: Tempo
    public var feel: Feel
    public var humanize: Humanize
    public var parts: [PartID: PartSetup]
    public var sections: [SectionID: Section]
    /// Where the style came from (a file path), for error messages.
    public var source: String?

    public init(
        name: String, title: String, genre: String, meter: Meter, tempo: Tempo, feel: Feel = .straight,
        humanize: Humanize = .none, parts: [PartID: PartSetup], sections: [SectionID: Section],
        source: String? = nil
    ) {
        self.name = name
        self.title = title
        self.genre = genre
        self.meter = meter
        self.tempo = tempo
        self.feel = feel
        self.humanize = humanize
        self.parts = parts
        self.sections = sections
        self.source = source
    }

    /// Sections present, in display order.
    public var sectionIDs: [SectionID] { sections.keys.sorted() }
}

/// Straight or swung eighths (or sixteenths). `ratio` is the long note's share of the pair:
/// 0.5 straight, 0.667 triplet swing (shuffle), 0.6 a light swing.
public struct Feel: Hashable, Sendable {
    public var ratio: Double
    /// The subdivision that swings: 8 (eighths) or 16 (sixteenths).
    public var subdivision: Int

    public init(ratio: Double, subdivision: Int = 8) {
        self.ratio = min(0.75, max(0.5, ratio))
        self.subdivision = subdivision
    }

    public static let straight = Feel(ratio: 0.5)
    public static let shuffle = Feel(ratio: 2.0 / 3.0)
    public static func swing(_ ratio: Double, subdivision: Int = 8) -> Feel { Feel(ratio: ratio, subdivision: subdivision) }

    public var isStraight: Bool { ratio == 0.5 }
}

/// Optional humanisation: random timing (ticks either way) and velocity (either way),
/// deterministic per seed so renders are repeatable.
public struct Humanize: Hashable, Sendable {
    public var timing: Tick
    public var velocity: Int
    public init(timing: Tick, velocity: Int) {
        self.timing = max(0, timing)
        self.velocity = max(0, velocity)
    }
    public static let none = Humanize(timing: 0, velocity: 0)
}

/// The sound of a part: General MIDI program (or a drum kit on bank 128), mixer settings.
public struct PartSetup: Hashable, Sendable {
    public var program: UInt7
    public var bankMSB: UInt7
    public var bankLSB: UInt7
    /// Drum kits play on FluidSynth's percussion bank whatever channel they are on.
    public var isDrumKit: Bool
    public var volume: UInt7
    public var pan: UInt7
    public var reverb: UInt7
    public var chorus: UInt7

    public init(
        program: UInt7, bankMSB: UInt7 = 0, bankLSB: UInt7 = 0, isDrumKit: Bool = false, volume: UInt7 = 100,
        pan: UInt7 = 64, reverb: UInt7 = 40, chorus: UInt7 = 0
    ) {
        self.program = program
        self.bankMSB = bankMSB
        self.bankLSB = bankLSB
        self.isDrumKit = isDrumKit
        self.volume = volume
        self.pan = pan
        self.reverb = reverb
        self.chorus = chorus
    }
}
