/// The request line a client sent, as the server reads it: what arrived up to the first
/// newline (or all of it), bytes that are not UTF-8 replaced, surrounding spaces and tabs
/// removed. Separate from the socket so that any bytes can be tried against it offline.
public enum ControlRequest {
    /// A request longer than this is cut here: one line of text, never a file's worth.
    public static let maximumBytes = 1024

    /// The line the handler answers, from everything the client sent.
    public static func line(from bytes: some Collection<UInt8>) -> String {
        let firstLine = bytes.prefix(maximumBytes).prefix { $0 != 10 }
        var text = Substring(String(decoding: firstLine, as: UTF8.self))
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
