import MusicCore

/// Something that says which MIDI events happen in the next `frames` samples: it calls
/// `emit(frame, event)` for each, `frame` in 0..<frames, in time order. The render command
/// adapts the arranger engine to this shape; tests pass plain event lists.
public typealias RenderEventSource = (_ frames: Int, _ emit: (_ frame: Int, _ event: MIDIEvent) -> Void) -> Void

/// Drives a `Synthesizer` from an event source, block by block, as the audio callback does
/// live — so offline renders reproduce live timing exactly.
///
/// Timing: FluidSynth renders in 64-frame blocks and an event takes effect at the start of
/// the next block it renders, whatever the call pattern (splitting a block at the event's
/// frame changes nothing: the rest of the block is already computed). So the renderer asks for
/// one block's events, sends them all, then renders the block: an event at frame f of a block
/// sounds at its start, at most 63 frames (1.3 ms at 48 kHz) early — the same grid as live.
public final class OfflineRenderer {
    public let synthesizer: Synthesizer
    public var blockSize: Int { Synthesizer.blockSize }
    /// Frames rendered so far.
    public private(set) var position = 0

    private var block: [Int16]

    public init(synthesizer: Synthesizer) {
        self.synthesizer = synthesizer
        block = [Int16](repeating: 0, count: Synthesizer.blockSize * 2)
    }

    /// Renders one block: events for it first, then its audio.
    public func renderBlock(events: RenderEventSource, to sink: some AudioSink) throws(AudioFileError) {
        let synth = synthesizer
        events(blockSize) { _, event in synth.send(event) }
        try renderSilentBlock(to: sink)
    }

    /// Renders `frames` frames (rounded up to whole blocks); returns the frames rendered.
    @discardableResult
    public func render(frames: Int, events: RenderEventSource, to sink: some AudioSink) throws(AudioFileError) -> Int {
        var done = 0
        while done < frames {
            try renderBlock(events: events, to: sink)
            done += blockSize
        }
        return done
    }

    /// Renders until every voice has finished its release (and the reverb has died away) or
    /// `maxFrames` have passed; returns the frames rendered.
    @discardableResult
    public func renderTail(maxFrames: Int, to sink: some AudioSink) throws(AudioFileError) -> Int {
        var done = 0
        var quietBlocks = 0
        // Reverb rings on after the last voice ends: wait for ~50 ms of near silence.
        let quietNeeded = max(1, synthesizer.sampleRate / 20 / blockSize)
        while done < maxFrames, quietBlocks < quietNeeded {
            try renderSilentBlock(to: sink)
            done += blockSize
            let peak = block.reduce(0) { max($0, abs(Int($1))) }
            quietBlocks = synthesizer.activeVoiceCount == 0 && peak <= 8 ? quietBlocks + 1 : 0
        }
        return done
    }

    private func renderSilentBlock(to sink: some AudioSink) throws(AudioFileError) {
        try block.withUnsafeMutableBufferPointer { buffer throws(AudioFileError) in
            synthesizer.render(into: buffer)
            try sink.write(UnsafeBufferPointer(buffer))
        }
        position += blockSize
    }
}
