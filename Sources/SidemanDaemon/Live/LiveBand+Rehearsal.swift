import Arranger
import MusicCore
import StyleEngine

extension LiveBand {
    /// Where a rehearsal's sound goes: nowhere.
    struct SilentSink: BandSink {
        mutating func play(_ event: MIDIEvent) {}
    }

    /// Plays every rare event once on a copy of the band, off the audio thread, before the
    /// audio starts: the Swift runtime builds the type metadata a code path needs the first
    /// time it runs (an allocation), so the audio thread's first mute, panic, tap or style
    /// swap finds it built. The band itself is untouched.
    func rehearse() {
        var band = self
        var sink = SilentSink()
        func run(_ frames: Int) { band.advance(frames: frames, into: &sink, notify: { _ in }) }
        band.apply(.chord(Chord(root: .c, type: .major)), into: &sink)
        band.apply(.start, into: &sink)
        run(64)
        for part in PartID.allCases {
            band.apply(.mute(part, true), into: &sink)
            band.apply(.mute(part, false), into: &sink)
        }
        band.perform(.tapTempo, atNanoseconds: 1_000_000_000, into: &sink)
        band.perform(.tapTempo, atNanoseconds: 1_500_000_000, into: &sink)
        band.perform(.fill, atNanoseconds: 0, into: &sink)
        run(64)
        for index in styles.indices.reversed() {
            band.selectStyle(index, into: &sink)
            run(64)
            run(4 * band.engine.sampleRate)  // past the next bar line: the swap
        }
        band.apply(.panic, into: &sink)
        run(64)
        band.stopAll(into: &sink)
        run(64)
    }
}
