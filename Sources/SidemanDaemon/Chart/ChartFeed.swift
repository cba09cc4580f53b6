import ALSASequencer
import Arranger
import MusicCore
import Practice
import Synchronization

/// A song's practice score, read off the audio thread a few bars ahead of the music into a
/// fixed ring that the chart source empties on the audio thread: the very score the offline
/// render reads, so live and render follow one path. An endless loop is read for ever (its
/// key cycle, ramp and chord breaks never come round to a stored copy), in bounded memory.
///
/// The daemon fills the ring when the song is loaded and then every few milliseconds; the ring
/// holds dozens of bars, so a late fill never reaches the music.
final class ChartFeed: Sendable {
    /// One cue at its tick, counted from the song's first click.
    struct Entry: Sendable {
        var tick: Tick
        var cue: ChartCue
    }

    /// Cues read ahead; the audio thread is the only consumer.
    let ring: SPSCRing<Entry>
    let meter: Meter
    let firstTempo: Tempo
    /// The reading side: the score and the bar read but not yet pushed for want of room.
    private let reader: Mutex<Reader>

    private struct Reader: Sendable {
        var score: PracticeScore
        var waiting: [Entry] = []
        var done = false
    }

    static let defaultCapacity = 1024

    init(score: PracticeScore, capacity: Int = ChartFeed.defaultCapacity) {
        ring = SPSCRing(capacity: capacity)
        meter = score.meter
        firstTempo = score.firstTempo
        reader = Mutex(Reader(score: score))
    }

    /// Reads the score into the ring while it has room (off the audio thread; callers on
    /// several threads take turns). True once the score has been read to its end.
    @discardableResult
    func fill() -> Bool {
        reader.withLock { r in
            while true {
                while !r.waiting.isEmpty {
                    guard ring.count < ring.capacity else { return r.done }
                    ring.push(r.waiting.removeFirst())
                }
                guard !r.done else { return true }
                guard let events = r.score.next() else {
                    r.done = true
                    return true
                }
                r.waiting = events.compactMap { tick, event in ChartCue(event).map { Entry(tick: tick, cue: $0) } }
            }
        }
    }

    /// Cues waiting in the ring.
    var buffered: Int { ring.count }
}
