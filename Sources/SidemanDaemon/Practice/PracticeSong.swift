import MusicCore
import Practice
import StyleEngine

/// A song as the practice player started it: what was asked, its plan (to name the chord of
/// any bar for the status, off the audio thread) and the number it was loaded under.
struct PracticeSong: Sendable {
    var number: Int
    var name: String
    var request: PracticeRequest
    var plan: PracticePlan
    var style: Style

    /// What the status shows at `bar` (0-based) and `beat` (0-based).
    func describe(bar: Int, beat: Int, into status: inout PracticeStatus) {
        status.song = name
        status.title = plan.chart.title.isEmpty ? name : plan.chart.title
        status.bars = plan.barCount
        status.loop = request.loop
        status.display = plan.settings.display == .concert ? nil : plan.settings.display.rawValue
        guard bar >= 0, let b = plan.bar(bar) else {
            status.bar = nil
            status.beat = nil
            status.chord = nil
            status.concertChord = nil
            status.nextChord = plan.bar(0)?.changes.first?.display
            return
        }
        status.bar = bar + 1
        status.beat = beat + 1
        status.chorus = b.pass + 1
        status.section = b.section
        status.key = b.key.map { "\($0)" }
        let tick = beat * plan.chart.meter.ticksPerBeat()
        let now = b.changes.lastIndex { $0.offset <= tick }
        if let now {
            status.chord = b.changes[now].display
            status.concertChord = b.changes[now].symbol
            status.nextChord = now + 1 < b.changes.count ? b.changes[now + 1].display : b.next?.display
        } else {
            status.nextChord = b.changes.first?.display
        }
    }
}
