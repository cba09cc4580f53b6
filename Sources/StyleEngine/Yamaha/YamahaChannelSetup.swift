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

    /// The sound for a General MIDI synth. Mega Voices number their programs by family, not
    /// as GM does (seen in real styles: 0–15 guitars — 1 steel, 3 clean, 5 overdriven, 6 jazz —
    /// and 16–23 basses — 16 acoustic, 17 finger, 18 pick); they become the nearest GM program
    /// on bank 0, since no GM SoundFont has bank 8. Other banks are variations of the GM program.
    var partSetup: PartSetup {
        var gmProgram = program ?? 0
        var msb = bankMSB ?? 0, lsb = bankLSB ?? 0
        if isMegaVoice {
            gmProgram = Self.generalMIDIProgram(forMegaVoice: gmProgram)
            msb = 0
            lsb = 0
        }
        return PartSetup(
            program: gmProgram, bankMSB: msb, bankLSB: lsb, isDrumKit: isDrumKit,
            volume: volume ?? 100, pan: pan ?? 64, reverb: reverb ?? 40, chorus: chorus ?? 0)
    }

    static func generalMIDIProgram(forMegaVoice program: UInt7) -> UInt7 {
        let guitars: [UInt7] = [24, 25, 25, 27, 26, 29, 26, 30]
        switch program.intValue {
        case 0..<8: return guitars[program.intValue]
        case 8..<16: return 27
        case 16: return 32
        case 17: return 33
        case 18: return 34
        case 19..<24: return 33
        default: return program
        }
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
