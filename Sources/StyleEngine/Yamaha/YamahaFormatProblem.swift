/// A problem found while decoding, before the file name is attached.
struct YamahaFormatProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
