/// One chunk of an IFF-like container: a 4-byte ASCII id and a big-endian u32 length, as
/// used by the file itself (MThd, MTrk, CASM, OTSc ...) and inside CASM (CSEG, Sdec, Ctab ...).
struct YamahaChunk: Hashable, Sendable {
    var id: String
    /// Offset of the 8-byte header in the whole file.
    var headerOffset: Int
    /// Range of the payload in the whole file.
    var payload: Range<Int>

    /// Splits `range` of `bytes` into chunks. A header or payload running past the end of the
    /// range is an error naming the chunk and the byte where it breaks; `container` names the
    /// enclosing chunk for the message ("CASM", "CSEG") or is nil at the top level.
    static func split(_ bytes: [UInt8], _ range: Range<Int>, in container: String?) throws(YamahaFormatProblem)
        -> [YamahaChunk]
    {
        var chunks: [YamahaChunk] = []
        var position = range.lowerBound
        while position < range.upperBound {
            chunks.append(try next(bytes, at: position, end: range.upperBound, in: container))
            position = chunks.last!.payload.upperBound
        }
        return chunks
    }

    /// The chunks of a whole file. Damage after a complete CASM chunk (a cut-off OTSc or
    /// Music Finder chunk, stray padding) loses only what follows: the chunks before it are
    /// returned with a note saying what was ignored.
    static func splitFile(_ bytes: [UInt8]) throws(YamahaFormatProblem) -> (chunks: [YamahaChunk], note: String?) {
        var chunks: [YamahaChunk] = []
        var position = 0
        while position < bytes.count {
            do {
                chunks.append(try next(bytes, at: position, end: bytes.count, in: nil))
            } catch {
                guard chunks.contains(where: { $0.id == "CASM" }) else { throw error }
                return (chunks, "ignored the damaged end of the file from byte \(position): \(error.message)")
            }
            position = chunks.last!.payload.upperBound
        }
        return (chunks, nil)
    }

    private static func next(_ bytes: [UInt8], at position: Int, end: Int, in container: String?) throws(YamahaFormatProblem)
        -> YamahaChunk
    {
        let inside = container.map { " inside \($0)" } ?? ""
        guard position + 8 <= end else {
            throw YamahaFormatProblem("chunk header truncated at byte \(position)\(inside)")
        }
        let idBytes = bytes[position..<position + 4].map { (0x20...0x7E).contains($0) ? $0 : 0x3F }
        let id = String(decoding: idBytes, as: UTF8.self)
        let length = bytes[position + 4..<position + 8].reduce(0) { $0 << 8 | Int($1) }
        let start = position + 8
        guard length <= end - start else {
            throw YamahaFormatProblem(
                "\(id) chunk\(inside) truncated at byte \(end) (declares \(length) bytes from byte \(start))")
        }
        return YamahaChunk(id: id, headerOffset: position, payload: start..<start + length)
    }
}
