import Arranger

/// The band's changes of chord, section and tempo for the journal: a line each, but none
/// closer than `intervalNanoseconds` to the last. A flood of keys changes the chord hundreds
/// of times a second, and a line each would flood the journal (and the disk of a box left on
/// for weeks). Changes that come closer are held; once the interval has passed (`due`, looked
/// at every few milliseconds) the latest of each kind is logged in one line with how many
/// changes it stands for, so the journal always ends on what the band really plays. While
/// such bursts go on, a line waits `burstIntervalNanoseconds` after the last one: a player
/// changing chords on every beat gets every change, a flood a line every two seconds. Start
/// and stop are never held. Pure: the time is passed in.
struct NoticeLog: Sendable {
    enum Line: Equatable {
        /// One notice, as it came.
        case notice(ArrangerNotice)
        /// The latest chord, section and tempo of a burst (those that changed), and how many
        /// changes the burst held.
        case burst([ArrangerNotice], changes: Int)
    }

    let intervalNanoseconds: Int64
    let burstIntervalNanoseconds: Int64
    private var lastLine: Int64?
    /// The last line summed up a burst (more than one change).
    private var lastWasBurst = false
    private var held: [ArrangerNotice] = []
    private var changes = 0

    init(intervalNanoseconds: Int64 = 500_000_000, burstIntervalNanoseconds: Int64 = 2_000_000_000) {
        self.intervalNanoseconds = intervalNanoseconds
        self.burstIntervalNanoseconds = max(intervalNanoseconds, burstIntervalNanoseconds)
        held.reserveCapacity(3)
    }

    /// A notice from the band at `now`: the line to log now, or nil (held, or nothing to say).
    mutating func offer(_ notice: ArrangerNotice, atNanoseconds now: Int64) -> Line? {
        guard Self.kind(of: notice) != nil else { return .notice(notice) }
        hold(notice)
        return due(atNanoseconds: now)
    }

    /// What is held, once the interval since the last line has passed.
    mutating func due(atNanoseconds now: Int64) -> Line? {
        guard !held.isEmpty else { return nil }
        if let lastLine, now - lastLine < (lastWasBurst ? burstIntervalNanoseconds : intervalNanoseconds) { return nil }
        lastLine = now
        lastWasBurst = changes > 1
        defer {
            held.removeAll(keepingCapacity: true)
            changes = 0
        }
        return changes == 1 ? .notice(held[0]) : .burst(held, changes: changes)
    }

    private mutating func hold(_ notice: ArrangerNotice) {
        changes += 1
        let kind = Self.kind(of: notice)
        if let i = held.firstIndex(where: { Self.kind(of: $0) == kind }) {
            held[i] = notice
        } else {
            held.append(notice)
        }
    }

    /// 0 chord, 1 section, 2 tempo; nil for what is never held.
    private static func kind(of notice: ArrangerNotice) -> Int? {
        switch notice {
        case .chordChanged: 0
        case .sectionStarted: 1
        case .tempoChanged: 2
        case .started, .stopped, .bar: nil
        }
    }
}
