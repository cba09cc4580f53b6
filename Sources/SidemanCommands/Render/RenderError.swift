/// What can stop a render, each as one line for the user.
enum RenderError: Error, Hashable, Sendable, CustomStringConvertible {
    case emptyChart
    case badOption(String)
    case styleLacks(String, String)
    case noStyle(String, searched: [String])
    /// Not one style in any folder searched: a binary copied on its own, or a broken install.
    case noStylesInstalled(searched: [String])
    case file(String, String)
    case noOutput
    case unsupportedOutput(String)

    var description: String {
        switch self {
        case .emptyChart: "the chart has no chords"
        case .badOption(let message): message
        case .styleLacks(let style, let what): "style '\(style)' has no \(what)"
        case .noStyle(let name, let searched):
            "no style named '\(name)' (looked in \(searched.joined(separator: ", "))); `sideman styles` lists them"
        case .noStylesInstalled(let searched):
            "no styles installed (looked in \(searched.joined(separator: ", "))); install the package or give --style FILE"
        case .file(let path, let problem): "\(path): \(problem)"
        case .noOutput: "nothing to write: give --out FILE.wav and/or --out FILE.mid"
        case .unsupportedOutput(let path): "\(path): unknown output type (expected .wav or .mid)"
        }
    }
}
