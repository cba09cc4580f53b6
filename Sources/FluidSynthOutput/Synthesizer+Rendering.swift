import CFluidSynth

extension Synthesizer {
    /// Renders `buffer.count / 2` frames of interleaved stereo (left, right, left ...) as
    /// floats in -1...1. Fill any length; FluidSynth works in 64-frame blocks internally.
    /// Does not allocate.
    @discardableResult
    public func render(into buffer: UnsafeMutableBufferPointer<Float>) -> Bool {
        let frames = Int32(buffer.count / 2)
        guard frames > 0, let base = buffer.baseAddress else { return true }
        spread.beginBlock { self.play($0) }
        defer { spread.endBlock() }
        return fluid("fluid_synth_write_float") {
            fluid_synth_write_float(synth, frames, base, 0, 2, base, 1, 2)
        }.succeeded
    }

    /// Renders `buffer.count / 2` frames of interleaved stereo 16-bit PCM (dithered by
    /// FluidSynth), the format WAV files and most sound cards take. Does not allocate.
    @discardableResult
    public func render(into buffer: UnsafeMutableBufferPointer<Int16>) -> Bool {
        let frames = Int32(buffer.count / 2)
        guard frames > 0, let base = buffer.baseAddress else { return true }
        spread.beginBlock { self.play($0) }
        defer { spread.endBlock() }
        return fluid("fluid_synth_write_s16") {
            fluid_synth_write_s16(synth, frames, base, 0, 2, base, 1, 2)
        }.succeeded
    }

    /// Renders `frames` frames into separate buffers, as an audio driver's callback hands
    /// them over (`fluid_synth_process`: dry outputs, then reverb and chorus). Does not allocate.
    @discardableResult
    public func process(
        frames: Int, effects: Int, _ fx: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>, outputs: Int,
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>
    ) -> Bool {
        spread.beginBlock { self.play($0) }
        defer { spread.endBlock() }
        return fluid("fluid_synth_process") {
            fluid_synth_process(synth, Int32(frames), Int32(effects), fx, Int32(outputs), out)
        }.succeeded
    }
}
