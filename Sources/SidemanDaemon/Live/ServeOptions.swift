import MusicCore

/// What the command line can override in the configuration for one `sideman serve`.
public struct ServeOptions: Sendable {
    /// nil = the default file, used only if it exists.
    public var configPath: String?
    public var audioDevice: String?
    public var soundFont: String?
    public var splitPoint: UInt7?
    public var fingering: String?
    /// A style name or file chosen on the command line; it outlives a reload.
    public var style: String?
    /// Wait for a missing sound card, SoundFont or sequencer instead of failing (at boot the
    /// sound card may appear after the service starts).
    public var wait: Bool

    public init(
        configPath: String? = nil, audioDevice: String? = nil, soundFont: String? = nil, splitPoint: UInt7? = nil,
        fingering: String? = nil, style: String? = nil, wait: Bool = false
    ) {
        self.configPath = configPath
        self.audioDevice = audioDevice
        self.soundFont = soundFont
        self.splitPoint = splitPoint
        self.fingering = fingering
        self.style = style
        self.wait = wait
    }
}
