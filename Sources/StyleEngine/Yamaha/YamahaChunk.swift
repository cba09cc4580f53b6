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
            let inside = container.map { " inside \($0)" } ?? ""
            guard position + 8 <= range.upperBound else {
                // Some writers pad the end of the file; a few stray bytes at top level are harmless.
                if container == nil && chunks.contains(where: { $0.id == "CASM" }) { break }
                throw YamahaFormatProblem("chunk header truncated at byte \(position)\(inside)")
            }
            let id = String(decoding: bytes[position..<position + 4].map { (0x20...0x7E).contains($0) ? $0 : 0x3F }, as: UTF8.self)
            let length = bytes[position + 4..<position + 8].reduce(0) { $0 << 8 | Int($1) }
            let start = position + 8
            guard length <= range.upperBound - start else {
                throw YamahaFormatProblem(
                    "\(id) chunk\(inside) truncated at byte \(range.upperBound) (declares \(length) bytes from byte \(start))")
            }
            chunks.append(YamahaChunk(id: id, headerOffset: position, payload: start..<start + length))
            position = start + length
        }
        return chunks
    }
}
