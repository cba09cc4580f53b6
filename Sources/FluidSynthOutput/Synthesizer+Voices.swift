import CFluidSynth
import MusicCore

extension Synthesizer {
    /// A key with a voice still playing on a channel.
    public struct SoundingKey: Hashable, Sendable, CustomStringConvertible {
        public let channel: MIDIChannel
        public let key: Int
        public var description: String { "\(channel):\(key)" }
    }

    /// The keys whose voices still play, each once, in channel and key order: held, kept by a
    /// pedal, or ringing out their release. With a voice that sustains while held (an organ),
    /// what is still listed a release time after every key went up is stuck: the stuck-note
    /// check asks the synthesizer itself. Reads at most 1024 voices; allocates: not for the
    /// audio thread.
    public func soundingKeys(on channels: Set<MIDIChannel>? = nil) -> [SoundingKey] {
        var voices = [OpaquePointer?](repeating: nil, count: 1024)
        voices.withUnsafeMutableBufferPointer { buffer in
            fluidValue { fluid_synth_get_voicelist(synth, buffer.baseAddress, Int32(buffer.count), -1) }
        }
        var sounding = Set<SoundingKey>()
        for case let v? in voices where fluid_voice_is_playing(v) != 0 {
            guard let channel = MIDIChannel(rawValue: UInt8(clamping: fluid_voice_get_channel(v))),
                channels?.contains(channel) ?? true
            else { continue }
            sounding.insert(SoundingKey(channel: channel, key: Int(fluid_voice_get_key(v))))
        }
        return sounding.sorted { ($0.channel, $0.key) < ($1.channel, $1.key) }
    }
}
