import ALSASequencer
import Arranger
import FluidSynthOutput
import MusicCore
import Synchronization

/// Everything the audio callback touches, owned by the audio thread once the driver runs.
/// Other threads only read and write the atomics and their end of the rings.
public final class LiveAudioState: @unchecked Sendable {
    // Safety: `band`, `synth` and `timer` are used only by the audio thread after the driver
    // starts (before it, and after it stops, by the thread that made them); the rings are
    // single-producer, single-consumer; the flags and counters are atomics.
    public internal(set) var band: LiveBand
    public let synth: Synthesizer
    public let input: SPSCRing<InputEvent>
    /// Notices for the main thread to log (the audio thread never logs).
    public let notices = SPSCRing<ArrangerNotice>(capacity: 256)
    /// Takes: the rendered audio and the MIDI of each block go to it (LiveAudioState+Record).
    public internal(set) var recorder: TakeRecorder?
    /// Reloaded configurations in; back out, carrying what they replaced, with the styles
    /// the engine swapped out, for the main thread to free. The audio thread hands something
    /// back only when the ring has room (it is the only producer, so the room cannot vanish):
    /// otherwise it keeps it (the reload waits in its ring, the style in the engine) and tries
    /// again next block, so that nothing is freed in place.
    let reconfigurations = SPSCRing<LiveReconfiguration>(capacity: 4)
    let retired = SPSCRing<LiveRetired>(capacity: 16)
    /// Set by the main thread: end every note and go quiet.
    public let stopRequested = Atomic<Bool>(false)
    /// Set by the audio thread once every note has been ended.
    public let silenced = Atomic<Bool>(false)
    /// Blocks rendered, late callbacks, the style playing: for the watchdog and `sideman status`.
    let pulse: AudioPulse
    var timer: CallbackTimer
    /// The band and MIDI clock for `Sideman:out`; nil = nothing goes out.
    public internal(set) var output: LiveOutput?
    /// Follows incoming MIDI clock while `following` (`[clock] follow`); always allocated, so
    /// that a reloaded configuration can turn it on without allocating here.
    var follower: ClockFollower
    var following: Bool
    /// The song playing in chart mode, its requests in and old feeds out, and its position.
    var chart: ChartSource
    let chartRequests = SPSCRing<ChartRequest>(capacity: 8)
    let retiredCharts = SPSCRing<ChartFeed>(capacity: 8)
    public let chartPulse = ChartPulse()
    /// Practice controls from the player's MIDI, for the daemon.
    let practiceActions: SPSCRing<ControlAction>
    /// Frames rendered since the audio started.
    public private(set) var frame: Int64 = 0
    /// Events still in the input ring from before an outage: only their releases play.
    var staleInput = 0

    public init(
        band: LiveBand, synth: Synthesizer, input: SPSCRing<InputEvent>, pulse: AudioPulse, timer: CallbackTimer,
        output: LiveOutput? = nil, follower: ClockFollower? = nil
    ) {
        self.band = band
        self.synth = synth
        self.input = input
        self.pulse = pulse
        self.timer = timer
        self.output = output
        self.follower = follower ?? ClockFollower()
        following = follower != nil
        chart = ChartSource(sampleRate: synth.sampleRate)
        practiceActions = band.practiceActions
        // First use off the audio thread: the band's rare events on a copy, and one block
        // of FluidSynth's rendering (its first call sets up what later ones reuse).
        band.rehearse()
        var silence = [Float](repeating: 0, count: 2 * Synthesizer.blockSize)
        silence.withUnsafeMutableBufferPointer { _ = synth.render(into: $0) }
    }

    /// The synthesizer as the band's sink; the band's own events also go to `out`.
    struct SynthSink: BandSink {
        let synth: Synthesizer
        let out: SPSCRing<OutgoingMIDI>?
        let frame: Int64
        var pushed = false
        var recorder: TakeRecorder? = nil
        /// Keeps the parts' volumes as they go out, for the mixer a remote shows.
        var pulse: AudioPulse? = nil
        func play(_ event: MIDIEvent) {
            synth.send(event)
            recorder?.keep(event, frame: frame)
        }
        mutating func playBand(_ event: BandEvent) {
            synth.send(event.event)
            pulse?.note(event.event)
            recorder?.keep(event.event, frame: frame)
            if let out {
                out.push(OutgoingMIDI(event: event.event, frame: frame))
                pushed = true
            }
        }
        func toggleRecording() { recorder?.requestToggle() }
    }

    /// One 64-frame block, before FluidSynth renders it: a new configuration, the player's
    /// input, then the band. Allocation-free except where LiveBand says. SysEx never arrives
    /// here (the reader passes it over), so no message's bytes are freed on this thread.
    public func block(_ frames: Int) {
        var sink = SynthSink(synth: synth, out: output?.sendsBand == true ? output?.ring : nil, frame: frame, recorder: recorder, pulse: pulse)
        let recorder = self.recorder, blockFrame = frame
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
        #if SIDEMAN_FAULT_INJECTION
            // A stalled engine: the callback still runs (FluidSynth renders silence or tails)
            // but the band no longer advances, so the watchdog's keep-alives stop.
            if pulse.stalled.load(ordering: .relaxed) { return }
        #endif
        let late = timer.block(frames: frames, atNanoseconds: CallbackTimer.now())
        if retired.count < retired.capacity, var update = reconfigurations.pop() {
            band.reconfigure(&update, into: &sink)
            reconfigureOutput(update.config)
            retired.push(.reconfiguration(update))  // room checked above: never refused
        }
        // Back from an outage (the callback came far too late): what piled up in the ring
        // meanwhile is stale. Only its releases are played (so that nothing sticks); the
        // rest is dropped rather than replayed, however many blocks the releases take.
        // A flood piles up the same way while the audio thread keeps going: beyond what a few
        // blocks play, the oldest input is as stale, so that the latest keys are never late
        // behind it by more than those blocks.
        if timer.lastLagNanoseconds > Self.outageNanoseconds {
            staleInput = input.count
        } else if input.count > Self.backlogLimit {
            staleInput = max(staleInput, input.count - Self.backlogLimit)
        }
        var handled = 0
        while handled < Self.inputPerBlock, let input = input.pop() {
            if input.lostBefore { band.releaseHands(into: &sink) }
            if staleInput > 0 {
                staleInput -= 1
                if !input.event.isRelease { continue }  // a stale backlog plays only what ends sound
            }
            handled += 1
            if following, case .clock = input.event {
                followClock(atNanoseconds: input.receivedNanoseconds, into: &sink)
                continue
            }
            keepLeftHand(input.event)
            band.receive(input.event, atNanoseconds: input.receivedNanoseconds, into: &sink)
        }
        stepChart(frames, &sink)
        let notices = self.notices
        band.advance(frames: frames, into: &sink, notify: { notices.push($0); recorder?.keep($0, blockFrame: blockFrame) })
        chartBlockDone(frames)
        endBlock(frames, &sink)
        retireStyles()
        pulse.band(mutedParts: band.engine.mutedPartBits, position: band.engine.position)
        pulse.published(late: late, styleIndex: band.styleIndex)
    }

    /// Styles the engine swapped out go to the main thread, as long as the ring has room.
    private func retireStyles() {
        while retired.count < retired.capacity, let style = band.engine.takeRetiredStyle() {
            retired.push(.style(style))
        }
    }

    /// A callback this late means the audio stopped for a while (not a mere underrun).
    static let outageNanoseconds: Int64 = 200_000_000

    /// Input events played per 64-frame block at most: 24 000 a second at 48 kHz, beyond any
    /// player. The reader refills the ring while this drains it, so an unbounded drain would
    /// hold a flood's audio thread in one callback (its driver then looks dead, and the card
    /// stays held). The rest waits for the next block; what the ring cannot hold, the reader
    /// drops and says so (`lostBefore`).
    static let inputPerBlock = 32

    /// Input waiting beyond this (eight blocks' worth, 11 ms at 48 kHz) is a flood's backlog:
    /// only its releases play.
    static let backlogLimit = 8 * inputPerBlock


    /// The block's clock pulses, and a wake-up for the output thread if anything went out.
    private func endBlock(_ frames: Int, _ sink: inout SynthSink) {
        guard output != nil else { return }
        if sink.pushed { output!.pushed = true }
        output!.endBlock(frames: frames, frame: frame, engine: band.engine)
    }
}
