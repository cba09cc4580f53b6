import CFluidSynth
import Glibc
import Synchronization

/// Plays a `Synthesizer` live through a FluidSynth audio driver (ALSA, PulseAudio, JACK ...).
/// The driver's thread calls `block(frames)` before each 64-frame block it renders — that is
/// where the arranger engine advances and sends its events — so live playback keeps the same
/// 64-frame grid as the offline renderer, whatever period size the sound card uses.
///
/// Threading: `block` runs on the audio thread. It must not allocate, lock, log or await; it
/// may call the synthesizer (which, from then on, belongs to the audio thread: send it MIDI
/// only from inside `block`). Stop by releasing the `AudioOutput` (or `stop()`), which joins
/// the audio thread before returning. `restart()` replaces a driver whose thread has ended
/// (FluidSynth's ALSA driver ends it on an I/O error it cannot recover from);
/// `driverThreadEnded` tells that apart from a driver that is merely late.
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

    /// What the audio thread touches: fixed-size, allocated before the driver starts. One per
    /// driver, so that a replaced driver whose thread is stuck can never call into the new one's.
    final class Context {
        let synth: Synthesizer
        let block: (Int) -> Void
        /// Called after each block is rendered with its left and right channels (a recorder's tap).
        let rendered: ((UnsafePointer<Float>, UnsafePointer<Float>, Int) -> Void)?
        /// Called as each callback begins: FluidSynth's driver calls back only once it has handed
        /// all it rendered before to the sound card, so everything rendered so far is written.
        let handedOver: (() -> Void)?
        let outs = UnsafeMutablePointer<UnsafeMutablePointer<Float>?>.allocate(capacity: 64)
        let fxs = UnsafeMutablePointer<UnsafeMutablePointer<Float>?>.allocate(capacity: 64)
        /// Frames rendered so far, by this driver and the ones it replaced: the driver's proof
        /// of life (it advances even when the engine does not).
        let frames = Atomic<Int>(0)
        /// Set when the driver is replaced: its thread, if it ever runs again, renders nothing.
        let retired = Atomic<Bool>(false)
        /// Tests: the driver's thread waits in its next callback until released or replaced, as
        /// a starved one would (see `AudioOutput.holdCallbacks(_:)`).
        let park = Atomic<Bool>(false)
        /// Tests: the driver's thread ends in its next callback, as after a sound card I/O
        /// error (see `AudioOutput.stopCallingBack()`).
        let end = Atomic<Bool>(false)
        /// The kernel id of the thread calling back (0 until the first callback): whether that
        /// thread still exists tells a starved driver from one that has ended.
        let thread = Atomic<Int32>(0)

        init(
            synth: Synthesizer, block: @escaping (Int) -> Void,
            rendered: ((UnsafePointer<Float>, UnsafePointer<Float>, Int) -> Void)? = nil, handedOver: (() -> Void)? = nil,
            frames: Int = 0
        ) {
            self.synth = synth
            self.block = block
            self.rendered = rendered
            self.handedOver = handedOver
            self.frames.store(frames, ordering: .relaxed)
        }

        deinit {
            outs.deallocate()
            fxs.deallocate()
        }
    }

    public let settings: Settings
    let synthesizer: Synthesizer
    var context: Context
    var driver: OpaquePointer?

    /// `rendered`, if given, sees each block's left and right channels once FluidSynth has
    /// rendered them; `handedOver`, if given, is called as each callback begins, when all that
    /// was rendered before has been written to the card (both on the audio thread: the same
    /// rules as `block`).
    public init(
        synthesizer: Synthesizer, settings: Settings = Settings(), block: @escaping (Int) -> Void,
        rendered: ((UnsafePointer<Float>, UnsafePointer<Float>, Int) -> Void)? = nil, handedOver: (() -> Void)? = nil
    ) throws(FluidSynthError) {
        guard (16...8192).contains(settings.periodSize), (2...64).contains(settings.periods) else {
            throw .invalidSetting("audio period \(settings.periodSize) × \(settings.periods) (16...8192 × 2...64)")
        }
        self.settings = settings
        self.synthesizer = synthesizer
        context = Context(synth: synthesizer, block: block, rendered: rendered, handedOver: handedOver)
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
        driver = try Self.open(synthesizer, context)
    }

    /// A new FluidSynth audio driver calling `context` (its settings are already set).
    static func open(_ synthesizer: Synthesizer, _ context: Context) throws(FluidSynthError) -> OpaquePointer {
        let callback: fluid_audio_func_t = { data, length, fxCount, fx, outCount, out in
            guard let data, let out else { return FLUID_FAILED }
            let context = Unmanaged<AudioOutput.Context>.fromOpaque(data).takeUnretainedValue()
            return AudioOutput.render(context, length: Int(length), fxCount: Int(fxCount), fx: fx, outCount: Int(outCount), out: out)
        }
        let settings = synthesizer.fluidSettings
        return try fluid("new_fluid_audio_driver2") {
            new_fluid_audio_driver2(settings, callback, Unmanaged.passUnretained(context).toOpaque())
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
    public var framesRendered: Int { context.frames.load(ordering: .relaxed) }

    /// The audio thread: 64-frame blocks, the caller's `block` before each. Drivers without
    /// separate effect buffers get reverb and chorus mixed into the dry output.
    static func render(
        _ context: Context, length: Int, fxCount: Int, fx: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>?,
        outCount: Int, out: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>
    ) -> Int32 {
        if context.thread.load(ordering: .relaxed) == 0 { context.thread.store(sideman_thread_id(), ordering: .relaxed) }
        if context.end.load(ordering: .relaxed) { pthread_exit(nil) }
        while context.park.load(ordering: .relaxed) && !context.retired.load(ordering: .relaxed) { usleep(5_000) }
        if context.retired.load(ordering: .relaxed) {
            // A replaced driver: its thread is no longer the audio thread. It writes silence
            // until deleted, and sleeps, so that it cannot spin on a device that never blocks
            // (ALSA's null device) and starve the thread deleting it.
            for i in 0..<min(outCount, 64) { out[i]?.update(repeating: 0, count: length) }
            usleep(2_000)
            return FLUID_FAILED
        }
        context.handedOver?()
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
            if !context.synth.process(frames: n, effects: effects, context.fxs, outputs: outs, context.outs) {
                status = FLUID_FAILED
            }
            if let rendered = context.rendered, outs >= 2, let left = context.outs[0], let right = context.outs[1] {
                rendered(left, right, n)
            }
            offset += n
        }
        context.frames.add(length, ordering: .relaxed)
        return status
    }
}
