import MusicCore

/// The sound of a part: General MIDI program (or a drum kit on bank 128), mixer settings.
public struct PartSetup: Hashable, Sendable {
    public var program: UInt7
    public var bankMSB: UInt7
    public var bankLSB: UInt7
    /// Drum kits play on FluidSynth's percussion bank whatever channel they are on.
    public var isDrumKit: Bool
    public var volume: UInt7
    public var pan: UInt7
    public var reverb: UInt7
    public var chorus: UInt7

    public init(
        program: UInt7, bankMSB: UInt7 = 0, bankLSB: UInt7 = 0, isDrumKit: Bool = false, volume: UInt7 = 100,
        pan: UInt7 = 64, reverb: UInt7 = 40, chorus: UInt7 = 0
    ) {
        self.program = program
        self.bankMSB = bankMSB
        self.bankLSB = bankLSB
        self.isDrumKit = isDrumKit
        self.volume = volume
        self.pan = pan
        self.reverb = reverb
        self.chorus = chorus
    }
}
