/// A cursor over bytes that knows its offset in the enclosing file, so that every error
/// names the byte where it happened.
struct MIDIByteReader {
    let bytes: [UInt8]
    let baseOffset: Int
    private(set) var position = 0

    init(bytes: [UInt8], baseOffset: Int = 0) {
        self.bytes = bytes
        self.baseOffset = baseOffset
    }

    var isAtEnd: Bool { position >= bytes.count }
    var remaining: Int { bytes.count - position }
    /// Offset in the file of the next byte.
    var fileOffset: Int { baseOffset + position }

    /// Moves to `position` (0...bytes.count), e.g. past a damaged event.
    mutating func seek(to position: Int) { self.position = min(max(position, 0), bytes.count) }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func readByte(or problem: MIDIFileError.Problem) throws(MIDIFileError) -> UInt8 {
        guard position < bytes.count else { throw MIDIFileError(problem, offset: fileOffset) }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readBytes(_ count: Int, or problem: MIDIFileError.Problem) throws(MIDIFileError) -> [UInt8] {
        guard count <= remaining else { throw MIDIFileError(problem, offset: fileOffset) }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func readUInt16(or problem: MIDIFileError.Problem) throws(MIDIFileError) -> Int {
        let b = try readBytes(2, or: problem)
        return Int(b[0]) << 8 | Int(b[1])
    }

    mutating func readUInt32(or problem: MIDIFileError.Problem) throws(MIDIFileError) -> Int {
        let b = try readBytes(4, or: problem)
        return Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
    }

    /// A variable-length quantity: 7 bits per byte, high bit set on all but the last, at
    /// most 4 bytes (so at most 0x0FFFFFFF).
    mutating func readVariableLengthQuantity() throws(MIDIFileError) -> Int {
        let start = fileOffset
        var value = 0
        for _ in 0..<4 {
            let b = try readByte(or: .truncatedEvent)
            value = value << 7 | Int(b & 0x7F)
            if b & 0x80 == 0 { return value }
        }
        throw MIDIFileError(.variableLengthQuantityTooLong, offset: start)
    }

    /// A chunk: 4-byte id, 32-bit length, payload. A length past the end is an error.
    mutating func readChunk() throws(MIDIFileError) -> MIDIChunk {
        let start = fileOffset
        guard remaining >= 8 else { throw MIDIFileError(.truncatedHeader, offset: start) }
        let idBytes = try readBytes(4, or: .truncatedHeader)
        let id = String(decoding: idBytes.map { UInt16($0) }, as: UTF16.self)
        let length = try readUInt32(or: .truncatedHeader)
        guard length <= remaining else {
            throw MIDIFileError(.truncatedChunk(id: id, declared: length, available: remaining), offset: start)
        }
        return MIDIChunk(id: id, bytes: try readBytes(length, or: .truncatedHeader))
    }
}
