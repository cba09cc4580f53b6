/// Why a take could not be made, read or managed: one line naming the file and the problem.
public enum RecorderError: Error, Hashable, Sendable, CustomStringConvertible {
    case sndfile(path: String, function: String, message: String)
    case noSuchTake(String)
    case file(String, String)

    public var description: String {
        switch self {
        case .sndfile(let path, let function, let message): "\(path): \(message) (\(function))"
        case .noSuchTake(let name): "no take named '\(name)' (sideman recordings list)"
        case .file(let path, let message): "\(path): \(message)"
        }
    }
}
