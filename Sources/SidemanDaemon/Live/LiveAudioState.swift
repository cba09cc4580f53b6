import ALSASequencer
import Arranger
import FluidSynthOutput
import MusicCore
import Synchronization

/// Everything the audio callback touches, owned by the audio thread once the driver runs.
/// Other threads only read and write the atomics and their end of the rings.
final class LiveAudioState: @unchecked Sendable {
    // Safety: `band`, `synth` and `timer` are used only by the audio thread after the driver
    // starts (before it, and after it stops, by the thread that made them); the rings are
    // single-producer, single-consumer; the flags and counters are atomics.
    var band: LiveBand
    let synth: Synthesizer
    let input: SPSCRing<InputEvent>
    /// Notices for the main thread to log (the audio thread never logs).
    let notices = SPSCRing<ArrangerNotice>(capacity: 256)
    /// Reloaded configurations in, and the same values back out carrying what they replaced
    /// (freed off the audio thread).
    let reconfigurations = SPSCRing<LiveReconfiguration>(capacity: 4)
    let retired = SPSCRing<LiveReconfiguration>(capacity: 4)
    /// Set by the main thread: end every note and go quiet.
    let stopRequested = Atomic<Bool>(false)
    /// Set by the audio thread once every note has been ended.
    let silenced = Atomic<Bool>(false)
    /// Blocks rendered, late callbacks, the style playing: for the watchdog and `sideman status`.
    let pulse: AudioPulse
    var timer: CallbackTimer

    init(band: LiveBand, synth: Synthesizer, input: SPSCRing<InputEvent>, pulse: AudioPulse, timer: CallbackTimer) {
        self.band = band
        self.synth = synth
        self.input = input
        self.pulse = pulse
        self.timer = timer
    }

    /// The synthesizer as the band's sink.
    struct SynthSink: BandSink {
        let synth: Synthesizer
        func play(_ event: MIDIEvent) { synth.send(event) }
        func useDrumChannels(_ channels: Set<MIDIChannel>) { synth.setDrumChannels(channels) }
    }

    /// One 64-frame block, before FluidSynth renders it: a new configuration, the player's
    /// input, then the band. Allocation-free except where LiveBand says, and for a SysEx
    /// message, whose bytes are released here (the band ignores SysEx).
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
        #if SIDEMAN_FAULT_INJECTION
            // A stalled engine: the callback still runs (FluidSynth renders silence or tails)
            // but the band no longer advances, so the watchdog's keep-alives stop.
            if pulse.stalled.load(ordering: .relaxed) { return }
        #endif
        let late = timer.block(frames: frames, atNanoseconds: CallbackTimer.now())
        if var update = reconfigurations.pop() {
            band.reconfigure(&update, into: &sink)
            _ = retired.push(update)  // capacity equals the inbound ring's: never refused
        }
        while let input = input.pop() {
            band.receive(input.event, atNanoseconds: input.receivedNanoseconds, into: &sink)
        }
        let notices = self.notices
        band.advance(frames: frames, into: &sink, notify: { notices.push($0) })
        pulse.published(late: late, styleIndex: band.styleIndex)
    }
}
