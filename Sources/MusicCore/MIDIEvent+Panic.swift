extension MIDIEvent {
    /// What a panic sends on one channel, in order: Sustain off (so that nothing is held by
    /// a pedal), All Sound Off (release tails too), All Notes Off (for synths that ignore
    /// All Sound Off). Handed to `body` one by one, so that the audio thread allocates nothing.
    @inline(__always)
    public static func panic(on channel: MIDIChannel, _ body: (MIDIEvent) -> Void) {
        body(.controlChange(channel: channel, controller: MIDIController.sustain, value: 0))
        body(.controlChange(channel: channel, controller: MIDIController.allSoundOff, value: 0))
        body(.controlChange(channel: channel, controller: MIDIController.allNotesOff, value: 0))
    }
}
