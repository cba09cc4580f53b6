extension LiveAudioState {
    /// After FluidSynth has rendered a block: the recorder's tap copies it (no allocation, no
    /// wait; a full ring ends the take, never the sound).
    @inline(__always)
    public func rendered(left: UnsafePointer<Float>, right: UnsafePointer<Float>, frames: Int) {
        recorder?.tap.capture(left: left, right: right, frames: frames, atFrame: frame - Int64(frames))
    }

    /// Records takes from now on (before the audio starts).
    public func record(with recorder: TakeRecorder) { self.recorder = recorder }
}
