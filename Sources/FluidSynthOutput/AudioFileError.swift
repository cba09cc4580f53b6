/// Failure to write an audio file, naming the file.
public enum AudioFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "\(path): cannot create (\(reason))"
        case .writeFailed(let path, let reason): "\(path): write failed (\(reason))"
        }
    }
}
