import Arranger
import MusicCore

extension LiveAudioState {
    /// Least tempo difference (BPM) the follower applies: smaller wobbles of the estimate
    /// would only re-time the band for nothing.
    static let followThreshold = 0.1

    /// One incoming MIDI clock pulse, when following: the band takes the estimated tempo.
    func followClock(atNanoseconds nanoseconds: UInt64, into sink: inout SynthSink) {
        guard let estimate = follower.pulse(atNanoseconds: nanoseconds) else { return }
        let current = band.engine.status.tempo
        guard abs(estimate.bpm - current.bpm) >= Self.followThreshold,
            let rounded = Tempo(bpm: (estimate.bpm * 10).rounded() / 10)
        else { return }
        band.apply(.tempo(rounded), into: &sink)
    }

    /// A reloaded configuration's `[out]` and `[clock]` keys. (With both off at start there is
    /// no output thread: turning them on then needs a restart.)
    func reconfigureOutput(_ config: SidemanConfig) {
        if config.clock.follow && !following { follower.reset() }
        following = config.clock.follow
        output?.configure(band: config.out.band, clock: config.clock.send, frame: frame)
    }

    /// Sends `events` (the band's setup: programs, volumes …) on `out` too, before the
    /// audio starts, so that an external synth plays the band with the right sounds.
    public func sendSetup(_ events: [MIDIEvent]) {
        guard output?.sendsBand == true, let ring = output?.ring else { return }
        for event in events { ring.push(OutgoingMIDI(event: event, frame: 0)) }
        output?.wake.signal()
    }
}
