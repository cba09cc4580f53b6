import CFluidSynth

extension Synthesizer {
    /// Renders `buffer.count / 2` frames of interleaved stereo (left, right, left ...) as
    /// floats in -1...1. Fill any length; FluidSynth works in 64-frame blocks internally.
    /// Does not allocate.
    @discardableResult
    public func render(into buffer: UnsafeMutableBufferPointer<Float>) -> Bool {
        let frames = Int32(buffer.count / 2)
        guard frames > 0, let base = buffer.baseAddress else { return true }
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
        return fluid("fluid_synth_write_s16") {
            fluid_synth_write_s16(synth, frames, base, 0, 2, base, 1, 2)
        }.succeeded
    }
}
