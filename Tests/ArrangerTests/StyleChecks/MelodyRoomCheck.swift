import MusicCore
import StyleEngine

extension StyleCheck {
    /// The right hand's melody needs the register above G5: at least 90% of the notes of
    /// each chord, pad and phrase part are at or below G5 (key 79).
    static let melodyCeiling = 79

    static let melodyRoom = StyleCheck(name: "melody-room") { tour in
        var failures: [CheckFailure] = []
        for part in [PartID.chord1, .chord2, .pad, .phrase1, .phrase2] where tour.isPitched(part) {
            let notes = tour.notes(of: part)
            let high = notes.filter { $0.key > melodyCeiling }
            guard !notes.isEmpty, Double(high.count) > 0.1 * Double(notes.count) else { continue }
            failures.append(CheckFailure(
                "melody-room", tour, section: high[0].section, part: part, bar: high[0].patternBar,
                "\(percent(high.count, of: notes.count)) of its notes are above G5 (at most 10%), crowding the melody: "
                    + "\(high.examples(tour.meter)). Lower the voicing or the part's `limits`"))
        }
        return failures
    }
}
