import MusicCore

/// What the command line can override in the configuration for one `sideman serve`.
public struct ServeOptions: Sendable {
    /// nil = the default file, used only if it exists.
    public var configPath: String?
    public var audioDevice: String?
    public var soundFont: String?
    public var splitPoint: UInt7?
    public var fingering: String?

    public init(
        configPath: String? = nil, audioDevice: String? = nil, soundFont: String? = nil, splitPoint: UInt7? = nil,
        fingering: String? = nil
    ) {
        self.configPath = configPath
        self.audioDevice = audioDevice
        self.soundFont = soundFont
        self.splitPoint = splitPoint
        self.fingering = fingering
    }
}
