/// Joins the chunks ALSA splits a long SysEx message into (the kernel forwards raw MIDI SysEx in
/// pieces of a few hundred bytes: the first starts with F0, the last ends with F7). Bounded: a
/// message longer than `maximumLength` is dropped whole, so a runaway sender cannot grow memory.
public struct SysExAssembler: Sendable {
    public let maximumLength: Int
    private var buffer: [UInt8] = []
    private var overflowing = false
    /// Messages dropped for being too long or malformed.
    public private(set) var droppedCount = 0

    public init(maximumLength: Int = 4096) {
        self.maximumLength = maximumLength
        buffer.reserveCapacity(min(maximumLength, 4096))
    }

    /// Adds one chunk; returns the complete message (F0 ... F7) when this chunk finishes one.
    public mutating func add(_ chunk: [UInt8]) -> [UInt8]? {
        guard let first = chunk.first else { return nil }
        if first == 0xF0 {
            if !buffer.isEmpty || overflowing { droppedCount += 1 }  // the previous one never ended
            buffer.removeAll(keepingCapacity: true)
            overflowing = false
        } else if buffer.isEmpty && !overflowing {
            droppedCount += 1  // a continuation with no start: nothing to attach it to
            return nil
        }
        if !overflowing {
            if buffer.count + chunk.count > maximumLength {
                overflowing = true
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.append(contentsOf: chunk)
            }
        }
        guard chunk.last == 0xF7 else { return nil }
        defer { buffer.removeAll(keepingCapacity: true) }
        if overflowing {
            overflowing = false
            droppedCount += 1
            return nil
        }
        return buffer
    }
}
