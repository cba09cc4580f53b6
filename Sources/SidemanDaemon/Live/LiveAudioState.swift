import ALSASequencer
import Arranger
import FluidSynthOutput
import MusicCore
import Synchronization

/// Everything the audio callback touches, owned by the audio thread once the driver runs.
/// Other threads only read and write the atomics.
final class LiveAudioState: @unchecked Sendable {
    // Safety: `band` and `synth` are used only by the audio thread after the driver starts
    // (before it, and after it stops, by the main thread); the rings are single-producer,
    // single-consumer; the flags are atomics.
    var band: LiveBand
    let synth: Synthesizer
    let input: SPSCRing<InputEvent>
    /// Notices for the main thread to log (the audio thread never logs).
    let notices = SPSCRing<ArrangerNotice>(capacity: 256)
    /// Set by the main thread: end every note and go quiet.
    let stopRequested = Atomic<Bool>(false)
    /// Set by the audio thread once every note has been ended.
    let silenced = Atomic<Bool>(false)

    init(band: LiveBand, synth: Synthesizer, input: SPSCRing<InputEvent>) {
        self.band = band
        self.synth = synth
        self.input = input
    }

    /// The synthesizer as the band's sink.
    struct SynthSink: BandSink {
        let synth: Synthesizer
        func play(_ event: MIDIEvent) { synth.send(event) }
        func useDrumChannels(_ channels: Set<MIDIChannel>) { synth.setDrumChannels(channels) }
    }

    /// One 64-frame block, before FluidSynth renders it: the player's input, then the band.
    /// Allocation-free except where LiveBand says, and for a SysEx message, whose bytes are
    /// released here (the band ignores SysEx).
    func block(_ frames: Int) {
        var sink = SynthSink(synth: synth)
        if silenced.load(ordering: .relaxed) { return }
        if stopRequested.load(ordering: .acquiring) {
            band.stopAll(into: &sink)
            band.advance(frames: frames, into: &sink, notify: { _ in })
            synth.silence()
            silenced.store(true, ordering: .releasing)
            return
        }
        while let input = input.pop() {
            band.receive(input.event, atNanoseconds: input.receivedNanoseconds, into: &sink)
        }
        let notices = self.notices
        band.advance(frames: frames, into: &sink, notify: { notices.push($0) })
    }
}
