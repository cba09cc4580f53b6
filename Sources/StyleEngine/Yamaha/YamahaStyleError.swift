/// Why a Yamaha style file could not be read: one line naming the file, the place and the
/// problem ("Foo.sty: CASM chunk truncated at byte 40123").
public struct YamahaStyleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name as given to the reader (a path or a bare name).
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
