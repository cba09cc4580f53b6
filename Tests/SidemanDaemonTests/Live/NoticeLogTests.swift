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
    /// every 10 ms as the band loop does: once the burst is under way a line every two seconds
    /// (the flood's other lines share the journal's few a second), and the last line logged
    /// names the last chord, section and tempo.
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
        #expect(lines.count <= 33, "a line every two seconds in a burst: \(lines.count) lines in 61 s")
        #expect(lines.count >= 29, "but one every two seconds still: \(lines.count)")
        let gaps = zip(lines.dropFirst(), lines).map { $0.0 - $1.0 }
        #expect(gaps.dropFirst().allSatisfy { $0 >= 2_000 * Self.ms }, "lines closer than 2 s in a burst")
        guard case .burst(let latest, let changes)? = lines.last?.1 else {
            Issue.record("the flood ends on a burst line")
            return
        }
        #expect(latest.contains(.chordChanged(lastChord, frame: 59_999)))
        #expect(changes >= 2)
    }

    /// A player changing chords on every beat at 120 BPM (two a second) gets a line for each,
    /// even after a burst, once the burst has been quiet for an interval.
    @Test func everyBeatsChangeIsLoggedAgainAfterABurst() {
        var log = NoticeLog()
        var lines: [NoticeLog.Line] = []
        for t in Int64(0)..<50 {  // a burst: 50 changes in 50 ms
            if let line = log.offer(.chordChanged(Self.chords[Int(t) % 6], frame: Int(t)), atNanoseconds: t * Self.ms) { lines.append(line) }
        }
        var t: Int64 = 50
        while t < 3_000 {
            if let line = log.due(atNanoseconds: t * Self.ms) { lines.append(line) }
            t += 10
        }
        #expect(lines.count == 2, "the first change, then the rest of the burst in one line: \(lines)")
        var singles = 0
        for beat in Int64(0)..<8 {
            let at = (3_000 + beat * 500) * Self.ms
            if case .notice? = log.offer(.chordChanged(Self.chords[Int(beat) % 6], frame: Int(beat)), atNanoseconds: at) { singles += 1 }
        }
        #expect(singles == 8, "each beat's chord logged as it came: \(singles) of 8")
    }
}
