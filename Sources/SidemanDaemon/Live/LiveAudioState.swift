import ALSASequencer
import Arranger
import FluidSynthOutput
import MusicCore
import Synchronization

/// Everything the audio callback touches, owned by the audio thread once the driver runs.
/// Other threads only read and write the atomics.
public final class LiveAudioState: @unchecked Sendable {
    // Safety: `band` and `synth` are used only by the audio thread after the driver starts
    // (before it, and after it stops, by the main thread); the rings are single-producer,
    // single-consumer; the flags are atomics.
    public internal(set) var band: LiveBand
    public let synth: Synthesizer
    public let input: SPSCRing<InputEvent>
    /// Notices for the main thread to log (the audio thread never logs).
    public let notices = SPSCRing<ArrangerNotice>(capacity: 256)
    /// Set by the main thread: end every note and go quiet.
    public let stopRequested = Atomic<Bool>(false)
    /// Set by the audio thread once every note has been ended.
    public let silenced = Atomic<Bool>(false)
    /// The band and MIDI clock for `Sideman:out`; nil = nothing goes out.
    public internal(set) var output: LiveOutput?
    /// Follows incoming MIDI clock (`[clock] follow`); nil = the band keeps its own tempo.
    var follower: ClockFollower?
    /// Frames rendered since the audio started.
    public private(set) var frame: Int64 = 0

    public init(
        band: LiveBand, synth: Synthesizer, input: SPSCRing<InputEvent>, output: LiveOutput? = nil,
        follower: ClockFollower? = nil
    ) {
        self.band = band
        self.synth = synth
        self.input = input
        self.output = output
        self.follower = follower
    }

    /// The synthesizer as the band's sink; the band's own events also go to `out`.
    struct SynthSink: BandSink {
        public let synth: Synthesizer
        let out: SPSCRing<OutgoingMIDI>?
        let frame: Int64
        var pushed = false
        func play(_ event: MIDIEvent) { synth.send(event) }
        mutating func playBand(_ event: BandEvent) {
            synth.send(event.event)
            if let out {
                out.push(OutgoingMIDI(event: event.event, frame: frame))
                pushed = true
            }
        }
        func useDrumChannels(_ channels: Set<MIDIChannel>) { synth.setDrumChannels(channels) }
    }

    /// One 64-frame block, before FluidSynth renders it: the player's input, then the band.
    /// Allocation-free except where LiveBand says. SysEx never arrives here (the reader passes
    /// it over), so no message's bytes are freed on this thread.
    public func block(_ frames: Int) {
        var sink = SynthSink(synth: synth, out: output?.sendsBand == true ? output?.ring : nil, frame: frame)
        defer { frame += Int64(frames) }
        if silenced.load(ordering: .relaxed) { return }
        if stopRequested.load(ordering: .acquiring) {
            band.stopAll(into: &sink)
            band.advance(frames: frames, into: &sink, notify: { _ in })
            endBlock(frames, &sink)
            synth.silence()
            silenced.store(true, ordering: .releasing)
            return
        }
        while let input = input.pop() {
            if follower != nil, case .clock = input.event {
                followClock(atNanoseconds: input.receivedNanoseconds, into: &sink)
                continue
            }
            band.receive(input.event, atNanoseconds: input.receivedNanoseconds, into: &sink)
        }
        let notices = self.notices
        band.advance(frames: frames, into: &sink, notify: { notices.push($0) })
        endBlock(frames, &sink)
    }

    /// The block's clock pulses, and a wake-up for the output thread if anything went out.
    private func endBlock(_ frames: Int, _ sink: inout SynthSink) {
        guard output != nil else { return }
        if sink.pushed { output!.pushed = true }
        output!.endBlock(frames: frames, frame: frame, engine: band.engine)
    }
}
