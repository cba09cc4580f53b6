import Arranger
import MusicCore
import StyleEngine

extension AudioPulse {
    /// The audio thread, after each block: the parts muted and where the band is, so that a
    /// remote shows the mixer and the bar and beat in arranger mode too. Atomics only.
    @inline(__always)
    func band(mutedParts bits: UInt16, position: (bar: Int, beat: Int)) {
        if mutedParts.load(ordering: .relaxed) != bits { mutedParts.store(bits, ordering: .relaxed) }
        if bar.load(ordering: .relaxed) != position.bar { bar.store(position.bar, ordering: .relaxed) }
        if beat.load(ordering: .relaxed) != position.beat { beat.store(position.beat, ordering: .relaxed) }
    }

    /// A band event on its way to the synth: a part's volume (CC 7) is kept. Whatever set it
    /// (the style's setup, a volume control, a song's mix), this is what sounds. Called by the
    /// audio thread, and at boot before it runs: one writer at a time.
    @inline(__always)
    func note(_ event: MIDIEvent) {
        guard case .controlChange(let channel, let controller, let value) = event, controller == MIDIController.volume,
            let part = PartID(rawValue: Int(channel.rawValue))
        else { return }
        let shift = UInt64(part.rawValue - PartID.rhythm1.rawValue) * 8
        let old = partVolumes.load(ordering: .relaxed)
        let new = (old & ~(UInt64(0xff) << shift)) | ((0x80 | UInt64(value.rawValue)) << shift)
        if new != old { partVolumes.store(new, ordering: .relaxed) }
    }

    /// A part's volume as last sent (0…127), nil before any was.
    public func volume(of part: PartID) -> Int? {
        let byte = (partVolumes.load(ordering: .relaxed) >> (UInt64(part.rawValue - PartID.rhythm1.rawValue) * 8)) & 0xff
        return byte & 0x80 == 0 ? nil : Int(byte & 0x7f)
    }

    public func isMuted(_ part: PartID) -> Bool {
        mutedParts.load(ordering: .relaxed) & (UInt16(1) << UInt16(part.rawValue)) != 0
    }
}
