import MusicCore

/// The sound a channel is set up with in the style's SInt bar: program, bank, mixer.
struct YamahaChannelSetup: Hashable, Sendable {
    var program: UInt7?
    var bankMSB: UInt7?
    var bankLSB: UInt7?
    var volume: UInt7?
    var pan: UInt7?
    var reverb: UInt7?
    var chorus: UInt7?

    /// Yamaha's drum kits sit on bank MSB 127 (drum kits) and 126 (SFX kits).
    var isDrumKit: Bool { bankMSB?.rawValue == 127 || bankMSB?.rawValue == 126 }
    /// Bank MSB 8 is Yamaha's Mega Voice bank: notes from C6 (96) up are noises and slides.
    var isMegaVoice: Bool { bankMSB?.rawValue == 8 }
    var hasProgram: Bool { program != nil || bankMSB != nil }

    var partSetup: PartSetup {
        PartSetup(
            program: program ?? 0, bankMSB: bankMSB ?? 0, bankLSB: bankLSB ?? 0, isDrumKit: isDrumKit,
            volume: volume ?? 100, pan: pan ?? 64, reverb: reverb ?? 40, chorus: chorus ?? 0)
    }

    /// The last setting of each kind per channel among `events`.
    static func collect(_ events: some Sequence<YamahaTrackEvent>) -> [Int: YamahaChannelSetup] {
        var setups: [Int: YamahaChannelSetup] = [:]
        for event in events {
            guard case .midi(let midi) = event.kind, let channel = midi.channel?.intValue else { continue }
            switch midi {
            case .programChange(_, let program):
                setups[channel, default: .init()].program = program
            case .controlChange(_, let controller, let value):
                switch controller {
                case MIDIController.bankSelectMSB: setups[channel, default: .init()].bankMSB = value
                case MIDIController.bankSelectLSB: setups[channel, default: .init()].bankLSB = value
                case MIDIController.volume: setups[channel, default: .init()].volume = value
                case MIDIController.pan: setups[channel, default: .init()].pan = value
                case MIDIController.reverbSend: setups[channel, default: .init()].reverb = value
                case MIDIController.chorusSend: setups[channel, default: .init()].chorus = value
                default: break
                }
            default: break
            }
        }
        return setups
    }
}
