import MusicCore
import StyleEngine

extension StyleCheck {
    /// In rock, funk, pop and disco styles the bass locks with the kick: in the mains, at
    /// least 60% of kick drum hits (keys 35, 36) have a bass note starting with them.
    static let kickBassLock = StyleCheck(name: "kick-bass") { tour in
        let words = (tour.style.genre + " " + tour.style.name).lowercased()
        guard ["rock", "funk", "pop", "disco"].contains(where: { words.contains($0) }) else { return [] }
        let kicks = tour.mainNotes.filter { $0.part.isRhythm && ($0.key == 35 || $0.key == 36) }
        let bassStarts = tour.mainNotes.filter { $0.part == .bass }.map(\.start)
        guard !kicks.isEmpty, !bassStarts.isEmpty else { return [] }
        let window = 2 * tour.style.humanize.timing + 16
        let alone = kicks.filter { k in !bassStarts.contains { abs($0 - k.start) <= window } }
        guard Double(kicks.count - alone.count) < 0.6 * Double(kicks.count) else { return [] }
        return [CheckFailure(
            "kick-bass", tour, section: alone[0].section, part: .bass, bar: alone[0].patternBar,
            "only \(percent(kicks.count - alone.count, of: kicks.count)) of kicks have a bass note with them (need 60%); "
                + "kicks alone: \(alone.examples(tour.meter))")]
    }
}
