import MusicCore

/// The sound each channel was set to before a take began (bank, program and the mixer
/// controllers a style sets), so that the take's MIDI starts with them and re-plays with the
/// same sounds, not the player's defaults. Fed by the writer thread from the cues the audio
/// thread always passes on for these (rare) events.
struct ChannelSounds: Sendable {
    /// Controllers kept, in the order they are written: bank first, then the mix.
    static let controllers: [UInt7] = [
        MIDIController.bankSelectMSB, MIDIController.bankSelectLSB, MIDIController.volume, MIDIController.pan,
        MIDIController.expression, MIDIController.reverbSend, MIDIController.chorusSend,
    ]

    private var values = [[UInt7?]](repeating: [UInt7?](repeating: nil, count: controllers.count), count: 16)
    private var programs = [UInt7?](repeating: nil, count: 16)

    /// Whether the audio thread passes `event` on even when no take runs.
    @inline(__always)
    static func matters(_ event: MIDIEvent) -> Bool {
        switch event {
        case .programChange: return true
        case .controlChange(_, let controller, _):
            // A switch, not the table: the audio thread must not touch a lazily made global.
            switch controller.rawValue {
            case 0, 32, 7, 10, 11, 91, 93: return true
            default: return false
            }
        default: return false
        }
    }

    mutating func apply(_ event: MIDIEvent) {
        switch event {
        case .programChange(let channel, let program):
            programs[Int(channel.rawValue)] = program
        case .controlChange(let channel, let controller, let value):
            if let i = Self.controllers.firstIndex(of: controller) { values[Int(channel.rawValue)][i] = value }
        default:
            break
        }
    }

    /// The events that set every channel known: controllers, then the program (after its bank).
    var events: [MIDIEvent] {
        var out: [MIDIEvent] = []
        for c in 0..<16 {
            let channel = MIDIChannel(rawValue: UInt8(c))!
            for (i, controller) in Self.controllers.enumerated() {
                if let value = values[c][i] { out.append(.controlChange(channel: channel, controller: controller, value: value)) }
            }
            if let program = programs[c] { out.append(.programChange(channel: channel, program: program)) }
        }
        return out
    }
}
