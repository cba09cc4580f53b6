import HTTPTypes

/// Why a name from a web request names no file: not a name at all, or one that would leave
/// its folder (400, nothing read or written), or a good name with no file behind it (409,
/// as a song that is not there).
public enum FolderNameError: Error, Hashable, Sendable, CustomStringConvertible {
    case refused(String)
    case missing(String)

    public var description: String {
        switch self {
        case .refused(let message), .missing(let message): message
        }
    }

    /// The answer's status.
    public var status: HTTPResponse.Status {
        switch self {
        case .refused: .badRequest
        case .missing: .conflict
        }
    }
}
