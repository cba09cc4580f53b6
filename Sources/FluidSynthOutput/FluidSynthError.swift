/// Everything that can go wrong talking to FluidSynth, each as one line a user can act on.
public enum FluidSynthError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A FluidSynth call reported failure; `detail` is the message FluidSynth logged, if any.
    case callFailed(function: String, detail: String?)
    case soundFontMissing(path: String)
    case soundFontInvalid(path: String, detail: String?)
    case noGeneralMIDISoundFont(searched: [String])
    case noSoundFontLoaded
    case invalidSetting(String)

    public var description: String {
        switch self {
        case .callFailed(let function, let detail):
            return "FluidSynth \(function) failed" + (detail.map { ": \($0)" } ?? "")
        case .soundFontMissing(let path):
            return "\(path): SoundFont not found"
        case .soundFontInvalid(let path, let detail):
            return "\(path): not a valid SoundFont" + (detail.map { " (\($0))" } ?? "")
        case .noGeneralMIDISoundFont(let searched):
            return "no General MIDI SoundFont found (looked in \(searched.joined(separator: ", "))); "
                + "install fluid-soundfont-gm or pass --soundfont PATH"
        case .noSoundFontLoaded:
            return "no SoundFont loaded"
        case .invalidSetting(let what):
            return "invalid synthesizer setting: \(what)"
        }
    }
}
