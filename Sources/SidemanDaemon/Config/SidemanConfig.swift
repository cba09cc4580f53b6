import ALSASequencer
import Arranger
import MusicCore

/// Everything the daemon reads from /etc/sideman/sideman.toml. Every field has a default (the
/// values below, documented with their ranges in config/sideman.toml), so an empty file is a
/// valid configuration. Parse with `SidemanConfig.parse(_:file:)`; load with `load(path:)`.
public struct SidemanConfig: Hashable, Sendable {
    public static let defaultPath = "/etc/sideman/sideman.toml"

    public struct Audio: Hashable, Sendable {
        /// ALSA PCM: "default", "hw:0,0", "hw:Loopback,0,0" ...
        public var device = "default"
        /// 22050…96000.
        public var sampleRate = 48000
        /// Frames per period, 16…4096; 128 at 48 kHz is 2.7 ms (a Pi 4 keeps up; 64 is tighter).
        public var periodSize = 128
        /// 2…8 periods in the buffer; 2 is the least latency, 3 survives more scheduling noise.
        public var periods = 2
        public init() {}
    }

    public struct Synth: Hashable, Sendable {
        /// A .sf2/.sf3 path, or "auto": the first of the known Debian SoundFonts found.
        public var soundFont = "auto"
        /// FluidSynth's master gain, 0.0…10.0 (FluidSynth's own default 0.2 is quiet).
        public var gain = 0.8
        /// Voices, 16…4096.
        public var polyphony = 256
        public var reverb = true
        public var chorus = false
        /// Load sample data only for the presets in use (FluidSynth's synth.dynamic-sample-loading).
        /// Refused in a configuration file: FluidSynth 2.3 loads the samples inside a program
        /// change, on the audio thread live (see `Synth.read`).
        public var dynamicSampleLoading = false
        public init() {}
    }

    public struct StyleSettings: Hashable, Sendable {
        /// A style name ("medium-swing") or "auto": the first style, alphabetically.
        public var name = "auto"
        /// Beats per minute, 20…400; nil (0 in the file) = the style's own tempo.
        public var tempo: Double? = nil
        /// Play the main section's fill when switching main sections.
        public var autoFill = true
        /// A folder of the user's own style files (text or Yamaha), read with the shipped ones
        /// and again on reload; a missing folder adds nothing.
        public var folder = "/var/lib/sideman/styles"
        public init() {}
    }

    public struct Keyboard: Hashable, Sendable {
        /// The channel the keyboard plays on; nil = all (omni).
        public var channel: MIDIChannel? = nil
        /// Keys below this note are the chord (left) hand. 54 = F#3 (middle C = 60 = C4).
        public var splitPoint: UInt7 = 54
        /// One of `SidemanConfig.fingeringModes`.
        public var fingering = "fingered"
        /// Keep the chord when the left hand lets go.
        public var chordMemory = true
        /// The band starts on the first chord.
        public var syncStart = true
        /// The band stops when the left hand lets go.
        public var syncStop = false
        /// Semitones, -12…12, applied to everything played (chords and voices).
        public var transpose = 0
        /// General MIDI program (1…128) of the right-hand voice.
        public var leadProgram = 1
        /// A second right-hand voice layered on the first; nil = none.
        public var leadLayerProgram: Int? = nil
        /// A voice for the left hand too (it always feeds the chord); nil = silent.
        public var leftProgram: Int? = nil
        public init() {}
    }

    public struct Inputs: Hashable, Sendable {
        public var policy = InputPolicy()
        public init() {}
    }

    public struct Clock: Hashable, Sendable {
        /// Send MIDI clock, start and stop on Sideman:out while playing.
        public var send = true
        /// Follow MIDI clock from an input instead of the style's tempo.
        public var follow = false
        public init() {}
    }

    /// How the band forgives a left hand a little late or early (see `ChordFeel`).
    public struct Chords: Hashable, Sendable {
        /// 0…100 ms; a chord this soon after band notes started re-pitches them (0 = off).
        public var lateWindowMilliseconds = ChordFeel.defaultLateWindowMilliseconds
        /// One of `SidemanConfig.anticipations`: how long before a strong beat a chord waits for it.
        public var anticipation = "eighth"
        /// One of `SidemanConfig.anticipations`: how far ahead of a strong beat a chord is a
        /// push the chord parts play at once ("off": never).
        public var push = "sixteenth"
        public init() {}

        public var feel: ChordFeel {
            ChordFeel(lateWindowMilliseconds: lateWindowMilliseconds,
                      anticipation: SidemanConfig.anticipationTicks[anticipation] ?? ChordFeel.defaultAnticipation,
                      clearPush: push == "off" ? Tick.max : SidemanConfig.anticipationTicks[push] ?? ChordFeel.defaultClearPush)
        }
    }

    /// Anticipation names and their length in ticks.
    public static let anticipationTicks: [String: Tick] = [
        "off": 0, "sixteenth": PPQ.standard / 4, "eighth": PPQ.standard / 2, "quarter": PPQ.standard,
    ]
    public static let anticipations = ["off", "sixteenth", "eighth", "quarter"]

    public struct DaemonSettings: Hashable, Sendable {
        /// The control socket `sideman status` talks to (mode 0660: the owner and its group).
        public var socket = "/run/sideman/control.sock"
        public init() {}
    }

    public var audio = Audio()
    public var synth = Synth()
    public var style = StyleSettings()
    public var keyboard = Keyboard()
    public var inputs = Inputs()
    public var control = ControlMapping()
    public var clock = Clock()
    public var chords = Chords()
    public var out = Out()
    public var practice = Practice()
    public var daemon = DaemonSettings()
    public var record = Record()
    public var web = Web()

    public init() {}

    /// Names of the fingering modes, as the configuration and the command line write them.
    public static let fingeringModes = [
        "single-finger", "multi-finger", "fingered", "fingered-on-bass", "ai-fingered", "full-keyboard",
        "ai-full-keyboard",
    ]
}
