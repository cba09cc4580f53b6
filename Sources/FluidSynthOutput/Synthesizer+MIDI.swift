import CFluidSynth
import MusicCore

extension Synthesizer {
    /// Plays one MIDI event (it sounds from the start of the next rendered 64-frame block, or,
    /// for a note-on beyond the block's allowance, a block or two later: `VoiceStartSpread`).
    /// Bank select is held until the next program change, as MIDI specifies; transport and
    /// clock messages are ignored. Does not allocate.
    /// - Returns: false if FluidSynth refused it (such as a note-off for a note not sounding).
    @discardableResult
    public func send(_ event: MIDIEvent) -> Bool {
        spread.beginBlock { self.play($0) }
        guard spread.admit(event, play: { self.play($0) }) else { return true }
        return play(event)
    }

    /// The event to FluidSynth now.
    @discardableResult
    func play(_ event: MIDIEvent) -> Bool {
        switch event {
        case .noteOn(let channel, let note, let velocity):
            if velocity.rawValue == 0 { return noteOff(channel, note) }
            return fluid("fluid_synth_noteon") {
                fluid_synth_noteon(synth, Int32(channel.rawValue), Int32(note.rawValue), Int32(velocity.rawValue))
            }.succeeded
        case .noteOff(let channel, let note, _):
            return noteOff(channel, note)
        case .polyPressure(let channel, let note, let pressure):
            return fluid("fluid_synth_key_pressure") {
                fluid_synth_key_pressure(synth, Int32(channel.rawValue), Int32(note.rawValue), Int32(pressure.rawValue))
            }.succeeded
        case .controlChange(let channel, let controller, let value):
            return controlChange(channel, controller, value)
        case .programChange(let channel, let program):
            return selectProgram(program, channel: channel)
        case .channelPressure(let channel, let pressure):
            return fluid("fluid_synth_channel_pressure") {
                fluid_synth_channel_pressure(synth, Int32(channel.rawValue), Int32(pressure.rawValue))
            }.succeeded
        case .pitchBend(let channel, let value):
            return fluid("fluid_synth_pitch_bend") {
                fluid_synth_pitch_bend(synth, Int32(channel.rawValue), Int32(value.rawValue))
            }.succeeded
        case .sysEx(let bytes):
            return sysEx(bytes)
        case .reset:
            let ok = fluid("fluid_synth_system_reset") { fluid_synth_system_reset(synth) }.succeeded
            resetBanks()
            applyChannelTypes()
            return ok
        case .clock, .start, .stop, .continue, .songPosition, .activeSensing:
            return true
        }
    }

    /// All Notes Off on one channel (notes enter their release, as CC 123 does).
    @discardableResult
    public func allNotesOff(channel: MIDIChannel) -> Bool {
        fluid("fluid_synth_all_notes_off") { fluid_synth_all_notes_off(synth, Int32(channel.rawValue)) }.succeeded
    }

    private func noteOff(_ channel: MIDIChannel, _ note: UInt7) -> Bool {
        fluid("fluid_synth_noteoff") { fluid_synth_noteoff(synth, Int32(channel.rawValue), Int32(note.rawValue)) }
            .succeeded
    }

    private func controlChange(_ channel: MIDIChannel, _ controller: UInt7, _ value: UInt7) -> Bool {
        switch controller {
        case MIDIController.bankSelectMSB:
            setBank(msb: value, channel: channel)
            return true
        case MIDIController.bankSelectLSB:
            setBank(lsb: value, channel: channel)
            return true
        case MIDIController.allNotesOff:
            return allNotesOff(channel: channel)
        case MIDIController.allSoundOff:
            return fluid("fluid_synth_all_sounds_off") {
                fluid_synth_all_sounds_off(synth, Int32(channel.rawValue))
            }.succeeded
        default:
            return fluid("fluid_synth_cc") {
                fluid_synth_cc(synth, Int32(channel.rawValue), Int32(controller.rawValue), Int32(value.rawValue))
            }.succeeded
        }
    }

    /// FluidSynth takes the message without its F0 ... F7 framing (GM/GS/XG resets, tuning).
    private func sysEx(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.first == 0xF0 { body = body.dropFirst() }
        if body.last == 0xF7 { body = body.dropLast() }
        guard !body.isEmpty else { return false }
        return body.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                fluid("fluid_synth_sysex") {
                    fluid_synth_sysex(synth, chars.baseAddress, Int32(chars.count), nil, nil, nil, 0)
                }.succeeded
            }
        }
    }
}
