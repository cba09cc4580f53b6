/// Your input's side of a take, on the writer's thread: for each block of the band written,
/// the input frames that sounded with it (from the ring, placed by `InputAlignment`) go to
/// the input's file, and band plus input to the mix file. The input is centred: its two
/// channels averaged, added to both sides of the band, at the level it was captured.
public final class TakeInputWriter {
    public let inputFile: SoundFile
    public let mixFile: SoundFile
    public let alignment: InputAlignment
    let input: LiveInput
    /// The ring position of the next input frame to write.
    private(set) var next: Int64
    private let lostAtStart: Int
    private var inputBuffer: [Int16]
    private var mixBuffer: [Int16]
    public private(set) var failed = false
    /// The ring dropped input during the take (the writer stalled): the rest is silence.
    public private(set) var inputLost = false
    /// Frames of the take that had real input (not silence for a missing one).
    public private(set) var inputFrames = 0

    public init(input: LiveInput, alignment: InputAlignment, inputFile: SoundFile, mixFile: SoundFile, bufferFrames: Int = 8192) {
        self.input = input
        self.alignment = alignment
        self.inputFile = inputFile
        self.mixFile = mixFile
        next = alignment.ringPosition
        lostAtStart = input.ring.lostFrames
        inputBuffer = [Int16](repeating: 0, count: bufferFrames * input.ring.channels)
        mixBuffer = [Int16](repeating: 0, count: bufferFrames * 2)
    }

    /// Band frames that may be written now: as many as the input has arrived for (unlimited
    /// when the input stopped, or lost frames: silence stands in for it).
    public var readyFrames: Int {
        guard input.capturing.load(ordering: .acquiring), !inputLost else { return .max }
        // An input that stopped delivering (a device gone quiet without an error) holds the
        // band back half a second at most.
        let newest = input.ring.newest
        let now = ContinuousClock.now
        if newest != lastNewest {
            lastNewest = newest
            lastArrival = now
        } else if lastArrival.duration(to: now) > .milliseconds(500) {
            return .max
        }
        return Int(clamping: max(0, newest - next))
    }
    private var lastNewest: Int64 = -1
    private var lastArrival = ContinuousClock.now

    /// Writes the input and the mix for a block of the band (interleaved stereo); returns the
    /// mix for measuring. Blocks longer than the buffer are written in parts.
    public func write(band: UnsafeBufferPointer<Int16>, measure: (UnsafeBufferPointer<Int16>) -> Void) {
        if input.ring.lostFrames != lostAtStart { inputLost = true }
        let channels = input.ring.channels
        let limit = mixBuffer.count / 2
        var offset = 0
        let frames = band.count / 2
        while offset < frames {
            let n = min(limit, frames - offset)
            inputBuffer.withUnsafeMutableBufferPointer { inBuf in
                mixBuffer.withUnsafeMutableBufferPointer { mixBuf in
                    let inBase = inBuf.baseAddress!, mixBase = mixBuf.baseAddress!
                    if inputLost {
                        inBase.update(repeating: 0, count: n * channels)
                    } else {
                        inputFrames += input.ring.copy(from: next, frames: n, into: inBase)
                    }
                    Self.mix(band: band.baseAddress! + 2 * offset, input: inBase, channels: channels, frames: n, into: mixBase)
                    if !failed {
                        if inputFile.write(UnsafeBufferPointer(start: inBase, count: n * channels)) != n { failed = true }
                        if mixFile.write(UnsafeBufferPointer(start: mixBase, count: 2 * n)) != n { failed = true }
                    }
                    measure(UnsafeBufferPointer(start: mixBase, count: 2 * n))
                }
            }
            next += Int64(n)
            offset += n
        }
        input.ring.release(before: next)
    }

    /// Band (stereo) plus the input averaged to one channel on both sides, saturating.
    static func mix(
        band: UnsafePointer<Int16>, input: UnsafePointer<Int16>, channels: Int, frames: Int, into out: UnsafeMutablePointer<Int16>
    ) {
        for i in 0..<frames {
            var sum = 0
            for c in 0..<channels { sum += Int(input[i * channels + c]) }
            let centre = sum / channels
            out[2 * i] = Int16(clamping: Int(band[2 * i]) + centre)
            out[2 * i + 1] = Int16(clamping: Int(band[2 * i + 1]) + centre)
        }
    }

    /// Closes both files (the first error is thrown after trying both).
    public func close() throws(RecorderError) {
        var first: RecorderError?
        do { try inputFile.close() } catch { first = error }
        do { try mixFile.close() } catch { first = first ?? error }
        if let first { throw first }
    }
}
