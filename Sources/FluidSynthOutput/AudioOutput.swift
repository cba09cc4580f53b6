import CFluidSynth

/// Plays a `Synthesizer` live through a FluidSynth audio driver (ALSA, PulseAudio, JACK ...).
/// The driver's thread calls `block(frames)` before each 64-frame block it renders — that is
/// where the arranger engine advances and sends its events — so live playback keeps the same
/// 64-frame grid as the offline renderer, whatever period size the sound card uses.
///
/// Threading: `block` runs on the audio thread. It must not allocate, lock, log or await; it
/// may call the synthesizer (which, from then on, belongs to the audio thread: send it MIDI
/// only from inside `block`). Stop by releasing the `AudioOutput` (or `stop()`), which joins
/// the audio thread before returning.
public final class AudioOutput {
    public struct Settings: Hashable, Sendable {
        /// FluidSynth's driver name: "alsa", "pulseaudio", "jack", "pipewire" ...
        public var driver: String
        /// The driver's device ("hw:0", "default", "null"); nil = the driver's default.
        public var device: String?
        /// Frames per period, and periods in the buffer: latency = size × count / rate.
        public var periodSize: Int
        public var periods: Int

        public init(driver: String = "alsa", device: String? = nil, periodSize: Int = 256, periods: Int = 2) {
            self.driver = driver
            self.device = device
            self.periodSize = periodSize
            self.periods = periods
        }
    }

    /// What the audio thread touches: fixed-size, allocated before the driver starts.
    final class Context {
        let synth: OpaquePointer
        let block: (Int) -> Void
        let outs = UnsafeMutablePointer<UnsafeMutablePointer<Float>?>.allocate(capacity: 64)
        let fxs = UnsafeMutablePointer<UnsafeMutablePointer<Float>?>.allocate(capacity: 64)
        /// Frames rendered so far (read from other threads only for diagnostics).
        var frames = 0

        init(synth: OpaquePointer, block: @escaping (Int) -> Void) {
            self.synth = synth
            self.block = block
        }

        deinit {
            outs.deallocate()
            fxs.deallocate()
        }
    }

    public let settings: Settings
    private let synthesizer: Synthesizer
    private let context: Context
    private var driver: OpaquePointer?

    public init(synthesizer: Synthesizer, settings: Settings = Settings(), block: @escaping (Int) -> Void) throws(FluidSynthError) {
        guard (16...8192).contains(settings.periodSize), (2...64).contains(settings.periods) else {
            throw .invalidSetting("audio period \(settings.periodSize) × \(settings.periods) (16...8192 × 2...64)")
        }
        self.settings = settings
        self.synthesizer = synthesizer
        context = Context(synth: synthesizer.synth, block: block)
        let fluidSettings = synthesizer.fluidSettings
        try fluid("fluid_settings_setstr audio.driver") { fluid_settings_setstr(fluidSettings, "audio.driver", settings.driver) }.get()
        try fluid("fluid_settings_setint audio.period-size") {
            fluid_settings_setint(fluidSettings, "audio.period-size", Int32(settings.periodSize))
        }.get()
        try fluid("fluid_settings_setint audio.periods") { fluid_settings_setint(fluidSettings, "audio.periods", Int32(settings.periods)) }.get()
        if let device = settings.device {
            let key = "audio.\(settings.driver).device"
            try fluid("fluid_settings_setstr audio.<driver>.device") { fluid_settings_setstr(fluidSettings, key, device) }.get()
        }
        let callback: fluid_audio_func_t = { data, length, fxCount, fx, outCount, out in
            guard let data, let out else { return FLUID_FAILED }
            let context = Unmanaged<AudioOutput.Context>.fromOpaque(data).takeUnretainedValue()
            return AudioOutput.render(context, length: Int(length), fxCount: Int(fxCount), fx: fx, outCount: Int(outCount), out: out)
        }
        driver = try fluid("new_fluid_audio_driver2") {
            new_fluid_audio_driver2(fluidSettings, callback, Unmanaged.passUnretained(context).toOpaque())
        }
    }

    deinit { stop() }

    /// Stops the driver (joins its thread). Safe to call twice.
    public func stop() {
        if let driver {
            fluidValue { delete_fluid_audio_driver(driver) }
            self.driver = nil
        }
    }

    public var isRunning: Bool { driver != nil }

    /// Frames rendered since start (approximate when read while running).
    public var framesRendered: Int { context.frames }

    /// The audio thread: 64-frame blocks, the caller's `block` before each. Drivers without
    /// separate effect buffers get reverb and chorus mixed into the dry output.
    static func render(
        _ context: Context, length: Int, fxCount: Int, fx: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>?,
        outCount: Int, out: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>
    ) -> Int32 {
        let outs = min(outCount, 64)
        var offset = 0
        var status = FLUID_OK
        while offset < length {
            let n = min(Synthesizer.blockSize, length - offset)
            context.block(n)
            for i in 0..<outs { context.outs[i] = out[i].map { $0 + offset } }
            let effects: Int
            if fxCount > 0, let fx {
                effects = min(fxCount, 64)
                for i in 0..<effects { context.fxs[i] = fx[i].map { $0 + offset } }
            } else {
                // Reverb and chorus, left and right, onto the dry pair.
                effects = outs >= 2 ? 4 : 0
                for i in 0..<effects { context.fxs[i] = context.outs[i % 2] }
            }
            let ok = fluid("fluid_synth_process") {
                fluid_synth_process(context.synth, Int32(n), Int32(effects), context.fxs, Int32(outs), context.outs)
            }
            if !ok.succeeded { status = FLUID_FAILED }
            offset += n
        }
        context.frames += length
        return status
    }
}
