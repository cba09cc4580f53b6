import CFluidSynth

/// One instrument of a loaded SoundFont, as a value: where FluidSynth's `fluid_preset_t`
/// becomes Swift (this is the only place that reads one).
public struct SoundFontPreset: Hashable, Sendable, CustomStringConvertible {
    /// SoundFont bank: 0 for General MIDI melodic sounds, 128 for drum kits.
    public var bank: Int
    public var program: Int
    public var name: String

    public static let percussionBank = 128

    public var isDrumKit: Bool { bank == Self.percussionBank }

    init(_ preset: OpaquePointer) {
        bank = Int(fluidValue { fluid_preset_get_banknum(preset) })
        program = Int(fluidValue { fluid_preset_get_num(preset) })
        name = fluidValue { fluid_preset_get_name(preset) }.map { String(cString: $0) } ?? ""
    }

    public init(bank: Int, program: Int, name: String) {
        self.bank = bank
        self.program = program
        self.name = name
    }

    public var description: String { "\(bank):\(program) \(name)" }
}
