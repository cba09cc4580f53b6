import MusicCore
import StyleEngine

/// One craft rule a shipped style must keep, judged on a tour (see README.md in this folder
/// for what each measures and its threshold). A check returns failures, never records them:
/// the self-tests feed deliberately faulty styles and expect failures back.
struct StyleCheck: Sendable {
    var name: String
    /// Judges the style itself, not what it played: run on the first tour only.
    var oncePerStyle = false
    /// The measured figure, for `SIDEMAN_STYLE_REPORT=1` (how far a style is from failing).
    var figure: (@Sendable (StyleTour) -> String)? = nil
    var run: @Sendable (StyleTour) -> [CheckFailure]

    /// Every check, in the order the README lists them.
    static let all: [StyleCheck] = [
        .pairedNotes, .sectionsPresent, .writtenMeter, .inScale, .chordTonesOnBeats, .bassOnRoot, .voiceLeading,
        .instrumentRange, .melodyRoom, .energyRises, .genreTempo, .swingIsSwung, .drumDynamics, .kickBassLock, .variation,
    ]
}

/// A failed check, worded so an author can fix the style from it alone.
struct CheckFailure: Hashable, Sendable, CustomStringConvertible {
    var check: String
    var tour: String
    var section: SectionID?
    var part: PartID?
    var bar: Int?
    var problem: String

    init(_ check: String, _ tour: StyleTour, section: SectionID? = nil, part: PartID? = nil, bar: Int? = nil, _ problem: String) {
        self.check = check
        self.tour = tour.label
        self.section = section
        self.part = part
        self.bar = bar
        self.problem = problem
    }

    var description: String {
        var place: [String] = []
        if let section { place.append(section.name) }
        if let part { place.append(part.key) }
        if let bar { place.append("bar \(bar)") }
        return "[\(check)] \(tour)" + (place.isEmpty ? "" : ", " + place.joined(separator: ", ")) + ": " + problem
    }
}

extension Array where Element == TourNote {
    /// Up to `limit` notes described, for a message: an author needs examples, not all of them.
    func examples(_ meter: Meter, limit: Int = 4) -> String {
        let shown = prefix(limit).map { $0.describe(meter: meter) }.joined(separator: "; ")
        return count > limit ? shown + "; … \(count - limit) more" : shown
    }
}

extension PartID {
    /// Parts that voice the chord: their notes on a beat should be chord tones.
    var isChordPart: Bool { self == .chord1 || self == .chord2 || self == .pad }
}

/// A percentage with one decimal, for messages.
func percent(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "–" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
}
