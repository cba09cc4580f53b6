import Arranger
import MusicCore
import Testing

@testable import SidemanDaemon

/// Keys that reach the live band within one block name a chord once: F then F7 (a fourth key
/// a moment after a complete triad) retrigger the band once, on F7, as the offline render does.
@Suite struct LiveChordCoalescingTests {
    @Test func twoChordsInOneBlockRetriggerTheBandOnce() throws {
        var band = try band()
        var sink = RecordingSink()
        for key: UInt7 in [36, 40, 43] { band.receive(.noteOn(channel: 0, note: key, velocity: 90), atNanoseconds: 0, into: &sink) }
        _ = run(&band, blocks: 1_000, into: &sink)
        for key: UInt7 in [36, 40, 43] { band.receive(.noteOff(channel: 0, note: key, velocity: 0), atNanoseconds: 0, into: &sink) }
        // One block: F major complete, then its seventh.
        for key: UInt7 in [41, 45, 48, 51] { band.receive(.noteOn(channel: 0, note: key, velocity: 90), atNanoseconds: 0, into: &sink) }
        let notices = run(&band, blocks: 1, into: &sink)
        let chords = notices.compactMap { if case .chordChanged(let c, _) = $0 { c } else { nil } }
        #expect(chords == [Chord(root: .f, type: .dominant7)])
    }
}
