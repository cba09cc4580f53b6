import StyleEngine

/// One part of the band as a mixer shows it: muted or not, and its volume as it sounds.
public struct PartStatus: Codable, Hashable, Sendable {
    /// The part's key ("rhythm1", "bass", "chord2" …), as commands name it.
    public var part: String
    /// What a musician calls it ("Rhythm 1", "Bass").
    public var name: String
    public var muted: Bool
    /// MIDI volume (CC 7) 0…127 as last sent; nil before the part was set up.
    public var volume: Int?

    public init(part: String, name: String, muted: Bool, volume: Int?) {
        self.part = part
        self.name = name
        self.muted = muted
        self.volume = volume
    }

    /// Every part, in channel order, as the audio thread last published them.
    static func all(from pulse: AudioPulse) -> [PartStatus] {
        PartID.allCases.map { PartStatus(part: $0.key, name: $0.description, muted: pulse.isMuted($0), volume: pulse.volume(of: $0)) }
    }
}
