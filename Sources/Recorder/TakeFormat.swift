/// The audio file of a take: FLAC by default (lossless and about half the size, for small SD
/// cards), WAV for tools that read nothing else. Both 16-bit stereo.
public enum TakeFormat: String, CaseIterable, Hashable, Sendable {
    case flac
    case wav

    public var fileExtension: String { rawValue }
}
