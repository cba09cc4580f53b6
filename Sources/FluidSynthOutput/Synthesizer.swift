import CFluidSynth
import Foundation
import MusicCore

/// A FluidSynth instance with one General MIDI SoundFont: receives `MIDIEvent`s and renders
/// interleaved stereo audio.
///
/// Threading rule: a `Synthesizer` is not `Sendable`. One thread owns it — the audio thread
/// live, the render loop offline — and makes every call (events, rendering, loading). Move it
/// to that thread once (`sending`) and keep it there. FluidSynth's own lock makes single C
/// calls safe from anywhere, but the bank and drum-kit state kept here is not, and two
/// threads rendering would interleave blocks. Events and rendering do not allocate once the
/// SoundFont is loaded.
public final class Synthesizer {
    public let settings: SynthesizerSettings
    public var sampleRate: Int { settings.sampleRate }
    /// The loaded SoundFont's path (nil until `loadSoundFont`).
    public private(set) var soundFontPath: String?

    let fluidSettings: OpaquePointer
    let synth: OpaquePointer
    private var soundFontID: Int32?
    /// Bank select as received (CC 0 / CC 32), applied at the next program change.
    private var bankMSB = [UInt8](repeating: 0, count: 16)
    private var bankLSB = [UInt8](repeating: 0, count: 16)
    /// Channels where a program change with no bank selects a drum kit (see `selectProgram`).
    public private(set) var drumChannels: Set<MIDIChannel>
    /// Note-ons beyond a block's allowance, waiting for the next blocks.
    var spread: VoiceStartSpread

    /// FluidSynth renders in blocks of this many frames; events take effect on this grid.
    public static let blockSize = 64

    public init(settings: SynthesizerSettings = SynthesizerSettings()) throws(FluidSynthError) {
        try settings.validate()
        self.settings = settings
        drumChannels = settings.drumChannels
        spread = VoiceStartSpread(perBlock: settings.voiceStartsPerBlock)
        VoiceStartSpread.rehearse()
        let fluidSettings = try fluid("new_fluid_settings") { new_fluid_settings() }
        func apply() throws(FluidSynthError) {
            try fluid("fluid_settings_setnum synth.sample-rate") {
                fluid_settings_setnum(fluidSettings, "synth.sample-rate", Double(settings.sampleRate))
            }.get()
            try fluid("fluid_settings_setnum synth.gain") {
                fluid_settings_setnum(fluidSettings, "synth.gain", settings.gain)
            }.get()
            try fluid("fluid_settings_setint synth.polyphony") {
                fluid_settings_setint(fluidSettings, "synth.polyphony", Int32(settings.polyphony))
            }.get()
            try fluid("fluid_settings_setint synth.reverb.active") {
                fluid_settings_setint(fluidSettings, "synth.reverb.active", settings.reverb ? 1 : 0)
            }.get()
            try fluid("fluid_settings_setint synth.chorus.active") {
                fluid_settings_setint(fluidSettings, "synth.chorus.active", settings.chorus ? 1 : 0)
            }.get()
            try fluid("fluid_settings_setint synth.dynamic-sample-loading") {
                fluid_settings_setint(fluidSettings, "synth.dynamic-sample-loading", settings.dynamicSampleLoading ? 1 : 0)
            }.get()
            try fluid("fluid_settings_setint synth.threadsafe-api") {
                fluid_settings_setint(fluidSettings, "synth.threadsafe-api", 1)
            }.get()
        }
        let synth: OpaquePointer
        do {
            try apply()
            synth = try fluid("new_fluid_synth") { new_fluid_synth(fluidSettings) }
        } catch {
            fluidValue { delete_fluid_settings(fluidSettings) }
            throw error
        }
        self.fluidSettings = fluidSettings
        self.synth = synth
        applyChannelTypes()
    }

    deinit {
        fluidValue { delete_fluid_synth(synth) }
        fluidValue { delete_fluid_settings(fluidSettings) }
    }

    // MARK: SoundFont

    /// Loads a SoundFont, replacing the previous one; every channel returns to its default
    /// program (piano, or the standard kit on drum channels).
    /// - Returns: the number of presets it holds.
    @discardableResult
    public func loadSoundFont(at path: String) throws(FluidSynthError) -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .soundFontMissing(path: path)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .soundFontInvalid(path: path, detail: "not readable")
        }
        if let problem = Self.formatProblem(path) { throw .soundFontInvalid(path: path, detail: problem) }
        FluidLog.clear()
        let outcome = fluid("fluid_synth_sfload") { fluid_synth_sfload(synth, path, 1) }
        guard outcome.succeeded else {
            throw .soundFontInvalid(path: path, detail: FluidLog.takeLastMessage())
        }
        if let old = soundFontID {
            _ = fluid("fluid_synth_sfunload") { fluid_synth_sfunload(synth, old, 1) }
        }
        soundFontID = outcome.code
        soundFontPath = path
        for i in 0..<16 {
            bankMSB[i] = 0
            bankLSB[i] = 0
        }
        applyChannelTypes()
        return presets.count
    }

    /// Checks the RIFF header ourselves, so that a wrong file gets a plain reason rather than
    /// whatever each FluidSynth loader prints. SoundFont 2 ("sfbk") and DLS ("DLS ") pass.
    private static func formatProblem(_ path: String) -> String? {
        guard let file = FileHandle(forReadingAtPath: path) else { return "not readable" }
        defer { try? file.close() }
        let head = [UInt8]((try? file.read(upToCount: 12)) ?? Data())
        guard head.count == 12, head[0..<4].elementsEqual("RIFF".utf8) else { return "not a RIFF file" }
        guard head[8..<12].elementsEqual("sfbk".utf8) || head[8..<12].elementsEqual("DLS ".utf8) else {
            return "RIFF form is '\(String(decoding: head[8..<12], as: UTF8.self))', expected 'sfbk'"
        }
        return nil
    }

    /// Every preset of the loaded SoundFont, in FluidSynth's order (by bank, then program).
    public var presets: [SoundFontPreset] {
        guard let font = loadedSoundFont else { return [] }
        var result: [SoundFontPreset] = []
        fluidValue { fluid_sfont_iteration_start(font) }
        while let preset = fluidValue({ fluid_sfont_iteration_next(font) }) {
            result.append(SoundFontPreset(preset))
        }
        return result
    }

    /// The preset a channel currently plays (nil if none).
    public func preset(on channel: MIDIChannel) -> SoundFontPreset? {
        fluidValue { fluid_synth_get_channel_preset(synth, Int32(channel.rawValue)) }.map(SoundFontPreset.init)
    }

    var loadedSoundFont: OpaquePointer? {
        guard let id = soundFontID else { return nil }
        return fluidValue { fluid_synth_get_sfont_by_id(synth, id) }
    }

    // MARK: Programs and drum kits

    /// Selects a sound the way arranger styles ask for one: drum kits (bank MSB 127 or 126 as
    /// Yamaha XG writes them, 120 as GM2 does, or any program on a drum channel with no bank)
    /// play from the SoundFont's percussion bank 128 on any channel; melodic sounds use bank
    /// MSB when the SoundFont has it, else the General MIDI bank 0. Missing kits fall back to
    /// the standard kit.
    /// - Returns: false if no SoundFont is loaded or no preset fits.
    @discardableResult
    public func selectProgram(_ program: UInt7, channel: MIDIChannel) -> Bool {
        guard let id = soundFontID, let font = loadedSoundFont else { return false }
        let c = Int(channel.rawValue)
        let msb = bankMSB[c]
        let drums =
            msb == 120 || msb == 126 || msb == 127
            || (msb == 0 && bankLSB[c] == 0 && drumChannels.contains(channel))
        let wanted = Int32(program.rawValue)
        func has(_ bank: Int32, _ program: Int32) -> Bool {
            fluidValue { fluid_sfont_get_preset(font, bank, program) } != nil
        }
        let choice: (bank: Int32, program: Int32)
        if drums {
            choice = has(128, wanted) ? (128, wanted) : (128, 0)
        } else if msb != 0, has(Int32(msb), wanted) {
            choice = (Int32(msb), wanted)
        } else {
            choice = has(0, wanted) ? (0, wanted) : (0, 0)
        }
        guard has(choice.bank, choice.program) else { return false }
        let type = drums ? CHANNEL_TYPE_DRUM : CHANNEL_TYPE_MELODIC
        _ = fluid("fluid_synth_set_channel_type") { fluid_synth_set_channel_type(synth, Int32(c), Int32(type.rawValue)) }
        return fluid("fluid_synth_program_select") {
            fluid_synth_program_select(synth, Int32(c), id, choice.bank, choice.program)
        }.succeeded
    }

    func applyChannelTypes() {
        for channel in MIDIChannel.all {
            let type = drumChannels.contains(channel) ? CHANNEL_TYPE_DRUM : CHANNEL_TYPE_MELODIC
            _ = fluid("fluid_synth_set_channel_type") {
                fluid_synth_set_channel_type(synth, Int32(channel.rawValue), Int32(type.rawValue))
            }
            if soundFontID != nil { selectProgram(0, channel: channel) }
        }
    }

    /// Says which channels play drum kits when no bank asks for one — the channels of the
    /// style's parts marked as kits (our text styles select kits with program numbers only).
    /// Every channel returns to its default program; send the style's setup after this.
    public func setDrumChannels(_ channels: Set<MIDIChannel>) {
        drumChannels = channels
        applyChannelTypes()
    }

    func setBank(msb: UInt7? = nil, lsb: UInt7? = nil, channel: MIDIChannel) {
        if let msb { bankMSB[Int(channel.rawValue)] = msb.rawValue }
        if let lsb { bankLSB[Int(channel.rawValue)] = lsb.rawValue }
    }

    func resetBanks() {
        for i in 0..<16 {
            bankMSB[i] = 0
            bankLSB[i] = 0
        }
    }

    // MARK: State

    /// Voices sounding now (a released note keeps its voice until its release ends).
    public var activeVoiceCount: Int { Int(fluidValue { fluid_synth_get_active_voice_count(synth) }) }

    public var gain: Double {
        get { Double(fluidValue { fluid_synth_get_gain(synth) }) }
        set { fluidValue { fluid_synth_set_gain(synth, Float(newValue)) } }
    }

    /// Ends every note at once on every channel, without release (panic). Note-ons still
    /// waiting for their block are dropped.
    public func silence() {
        spread.dropNotes { self.play($0) }
        _ = fluid("fluid_synth_all_sounds_off") { fluid_synth_all_sounds_off(synth, -1) }
    }
}
