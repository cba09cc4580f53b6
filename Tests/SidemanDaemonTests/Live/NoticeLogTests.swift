import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

/// The journal's chord, section and tempo lines on a virtual clock: a few a second at most in
/// a flood, and the last one always says what the band plays.
@Suite struct NoticeLogTests {
    static let ms: Int64 = 1_000_000
    static let chords: [Chord] = ["C", "G7", "Am", "F", "Dm7", "E7"].compactMap { try? ChordSymbol.parse($0).chord }

    @Test func aChangeNowAndThenIsLoggedAsItComes() {
        var log = NoticeLog()
        let c = Chord?.some(Self.chords[0]), g = Chord?.some(Self.chords[1])
        #expect(log.offer(.chordChanged(c, frame: 0), atNanoseconds: 0) == .notice(.chordChanged(c, frame: 0)))
        #expect(log.offer(.chordChanged(g, frame: 1), atNanoseconds: 600 * Self.ms) == .notice(.chordChanged(g, frame: 1)))
        #expect(log.due(atNanoseconds: 2_000 * Self.ms) == nil)
    }

    @Test func startAndStopAreNeverHeld() {
        var log = NoticeLog()
        _ = log.offer(.chordChanged(Self.chords[0], frame: 0), atNanoseconds: 0)
        #expect(log.offer(.started(frame: 1), atNanoseconds: 1 * Self.ms) == .notice(.started(frame: 1)))
        #expect(log.offer(.stopped(frame: 2), atNanoseconds: 2 * Self.ms) == .notice(.stopped(frame: 2)))
    }

    /// 60 s of a chord change every millisecond, with sections and tempo now and then, looked at
    /// every 10 ms as the band loop does: at most two lines in any second, and the last line
    /// logged names the last chord, section and tempo.
    @Test func aFloodOfChangesGivesAFewLinesASecond() {
        var log = NoticeLog()
        var lines: [(Int64, NoticeLog.Line)] = []
        var lastChord: Chord?
        for t in Int64(0)..<60_000 {
            let now = t * Self.ms
            lastChord = Self.chords[Int(t) % Self.chords.count]
            if let line = log.offer(.chordChanged(lastChord, frame: Int(t)), atNanoseconds: now) { lines.append((now, line)) }
            if t % 97 == 0, let line = log.offer(.sectionStarted(.main(.b), frame: Int(t)), atNanoseconds: now) { lines.append((now, line)) }
            if t % 331 == 0, let line = log.offer(.tempoChanged(Tempo(bpm: Double(100 + t % 40))!, frame: Int(t)), atNanoseconds: now) {
                lines.append((now, line))
            }
            if t % 10 == 0, let line = log.due(atNanoseconds: now) { lines.append((now, line)) }
        }
        for t in stride(from: Int64(60_000), through: 61_000, by: 10) {
            if let line = log.due(atNanoseconds: t * Self.ms) { lines.append((t * Self.ms, line)) }
        }
        var perSecond: [Int64: Int] = [:]
        for (t, _) in lines { perSecond[t / 1_000 / Self.ms, default: 0] += 1 }
        #expect(perSecond.values.max() ?? 0 <= 2, "at most two lines in any second: \(perSecond.values.max() ?? 0)")
        #expect(lines.count >= 100, "still a line every half second: \(lines.count)")
        guard case .burst(let latest, let changes)? = lines.last?.1 else {
            Issue.record("the flood ends on a burst line")
            return
        }
        #expect(latest.contains(.chordChanged(lastChord, frame: 59_999)))
        #expect(changes >= 2)
    }
}
