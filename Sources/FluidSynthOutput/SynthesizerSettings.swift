import MusicCore

/// How a `Synthesizer` is built. Fixed for its lifetime (FluidSynth reads most of these only
/// when the synth is created); gain and polyphony can also be changed later.
public struct SynthesizerSettings: Hashable, Sendable {
    public var sampleRate: Int
    /// Master gain; FluidSynth's default 0.2 leaves headroom for a full band.
    public var gain: Double
    /// Maximum simultaneous voices (a piano note can use two or more).
    public var polyphony: Int
    public var reverb: Bool
    public var chorus: Bool
    /// Load sample data only for presets in use: large SoundFonts (FluidR3_GM) then fit a
    /// small board's memory.
    public var dynamicSampleLoading: Bool
    /// Channels that start as drum kits: Yamaha's rhythm 1 and 2 (9 and 10 counted from one).
    public var drumChannels: Set<MIDIChannel>
    /// Note-ons started per 64-frame block; more wait a block or two (`VoiceStartSpread`), so
    /// that a bar line where the whole band strikes costs little more than any other block.
    /// 0 starts every note in the block it was sent.
    public var voiceStartsPerBlock: Int

    public init(
        sampleRate: Int = 48_000, gain: Double = 0.2, polyphony: Int = 256, reverb: Bool = true,
        chorus: Bool = true, dynamicSampleLoading: Bool = false, drumChannels: Set<MIDIChannel> = [8, 9],
        voiceStartsPerBlock: Int = 3
    ) {
        self.voiceStartsPerBlock = voiceStartsPerBlock
        self.sampleRate = sampleRate
        self.gain = gain
        self.polyphony = polyphony
        self.reverb = reverb
        self.chorus = chorus
        self.dynamicSampleLoading = dynamicSampleLoading
        self.drumChannels = drumChannels
    }

    /// Checked before any C call so that a bad value is named, not reported as a failed call.
    func validate() throws(FluidSynthError) {
        guard (8_000...96_000).contains(sampleRate) else {
            throw .invalidSetting("sample rate \(sampleRate) Hz (8000...96000)")
        }
        guard gain.isFinite, (0...10).contains(gain) else { throw .invalidSetting("gain \(gain) (0...10)") }
        guard (1...65_535).contains(polyphony) else { throw .invalidSetting("polyphony \(polyphony) (1...65535)") }
    }
}
