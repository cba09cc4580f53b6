import MusicCore

extension LiveAudioState {
    /// After FluidSynth has rendered a block: the recorder's tap copies it (no allocation, no
    /// wait; a full ring ends the take, never the sound).
    @inline(__always)
    public func rendered(left: UnsafePointer<Float>, right: UnsafePointer<Float>, frames: Int) {
        recorder?.tap.capture(left: left, right: right, frames: frames, atFrame: frame - Int64(frames))
    }

    /// As FluidSynth's driver calls back: all the frames rendered so far are on the card.
    @inline(__always)
    public func handedOver() {
        recorder?.tap.handedOver(atFrame: frame)
    }

    /// The left hand's keys as played, for the take's MIDI (channel 2), when the left hand has no
    /// voice of its own (with one, its notes reach the take through the sink): so that
    /// `sideman render --input TAKE.mid` can follow the same chords. Keys only, below the split,
    /// on the keyboard's channel and not on the control channel.
    @inline(__always)
    func keepLeftHand(_ event: MIDIEvent) {
        guard let recorder, !band.keyboard.settings.leftVoice else { return }
        let settings = band.keyboard.settings
        switch event {
        case .noteOn(let channel, let note, let velocity), .noteOff(let channel, let note, let velocity):
            guard note < settings.splitPoint, channel != band.mapper.mapping.controlChannel else { return }
            if let keyboard = band.keyboardChannel, channel != keyboard { return }
            let left: MIDIEvent
            if case .noteOn = event {
                left = .noteOn(channel: settings.leftChannel, note: note, velocity: velocity)
            } else {
                left = .noteOff(channel: settings.leftChannel, note: note, velocity: velocity)
            }
            recorder.keep(left, frame: frame)
        default: return
        }
    }

    /// Records takes from now on (before the audio starts).
    public func record(with recorder: TakeRecorder) { self.recorder = recorder }
}
