/// One chunk of a RIFF-like MIDI container: a four-character id and its payload.
/// Standard MIDI Files hold `MThd` and `MTrk`; Yamaha style files append their own
/// (`CASM`, `OTSc`, `FNRc`, ...) after the tracks, and nest chunks inside those.
public struct MIDIChunk: Hashable, Sendable, CustomStringConvertible {
    /// Four ASCII characters, e.g. "MTrk", "CASM".
    public var id: String
    public var bytes: [UInt8]

    /// `id` must be four ASCII characters (checked when written).
    public init(id: String, bytes: [UInt8]) {
        self.id = id
        self.bytes = bytes
    }

    public var description: String { "\(id) (\(bytes.count) bytes)" }

    /// Splits a byte sequence made only of chunks (the body of `CASM` or `OTSc`, or a whole
    /// file). `baseOffset` is added to byte offsets in error messages, so that a nested
    /// chunk's errors point into the enclosing file.
    public static func split(_ bytes: [UInt8], baseOffset: Int = 0) throws(MIDIFileError) -> [MIDIChunk] {
        var reader = MIDIByteReader(bytes: bytes, baseOffset: baseOffset)
        var chunks: [MIDIChunk] = []
        while !reader.isAtEnd {
            chunks.append(try reader.readChunk())
        }
        return chunks
    }

    /// The chunk as it is stored: id, 32-bit big-endian length, payload.
    public var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 + bytes.count)
        var idBytes = Array(id.utf8.prefix(4))
        while idBytes.count < 4 { idBytes.append(0x20) }
        out += idBytes
        let n = UInt32(truncatingIfNeeded: bytes.count)
        out += [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
        out += bytes
        return out
    }
}
