import ALSASequencer
import FluidSynthOutput

/// The open devices of a running daemon: closed in reverse order by `Daemon.stop`.
struct LiveRig {
    let synth: Synthesizer
    let client: SequencerClient
    let reader: SequencerReader
    let state: LiveAudioState
    let audio: AudioOutput
    /// Sends the band and MIDI clock on `out`; nil when neither goes out.
    let sender: OutputSender?
}
