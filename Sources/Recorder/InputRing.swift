import Synchronization

/// The instrument's input on its way from the capture thread to the take writer: a fixed ring
/// of 16-bit interleaved frames, one producer and one consumer, with positions counted in
/// frames since the capture began (they never wrap in practice: Int64). The producer never
/// waits: a block that does not fit is dropped and counted (`lostFrames`), which the writer
/// treats as the input failing for the take running.
public final class InputRing: @unchecked Sendable {
    // Safety: the producer writes frames [head, tail + capacity), the consumer reads
    // [tail, head); the positions are atomics with acquire/release ordering.
    public let channels: Int
    /// Frames the ring holds; a power of two.
    public let capacity: Int
    private let mask: Int
    private let samples: UnsafeMutablePointer<Int16>
    private let head = Atomic<Int>(0)
    private let tail = Atomic<Int>(0)
    private let lost = Atomic<Int>(0)

    public init(channels: Int, sampleRate: Int, seconds: Double = 4) {
        self.channels = max(1, channels)
        var size = 1024
        while Double(size) < Double(sampleRate) * seconds { size <<= 1 }
        capacity = size
        mask = size - 1
        samples = .allocate(capacity: size * self.channels)
        samples.initialize(repeating: 0, count: size * self.channels)
    }

    deinit { samples.deallocate() }

    /// Frames pushed so far: the position of the next frame.
    public var newest: Int64 { Int64(head.load(ordering: .acquiring)) }
    /// The oldest frame still held.
    public var oldest: Int64 { Int64(tail.load(ordering: .acquiring)) }
    public var lostFrames: Int { lost.load(ordering: .acquiring) }

    // MARK: Producer (the capture thread)

    /// Appends `frames` interleaved frames; false (and counted as lost) if they do not fit.
    @discardableResult
    public func push(_ block: UnsafePointer<Int16>, frames: Int) -> Bool {
        let h = head.load(ordering: .relaxed)
        guard capacity - (h &- tail.load(ordering: .acquiring)) >= frames else {
            lost.add(frames, ordering: .releasing)
            return false
        }
        for i in 0..<frames {
            let slot = ((h &+ i) & mask) &* channels
            for c in 0..<channels { samples[slot &+ c] = block[i &* channels &+ c] }
        }
        head.store(h &+ frames, ordering: .releasing)
        return true
    }

    /// Appends `frames` of silence (frames the card lost in an overrun keep their place in time).
    @discardableResult
    public func pushSilence(frames: Int) -> Bool {
        let h = head.load(ordering: .relaxed)
        guard capacity - (h &- tail.load(ordering: .acquiring)) >= frames else {
            lost.add(frames, ordering: .releasing)
            return false
        }
        for i in 0..<frames {
            let slot = ((h &+ i) & mask) &* channels
            for c in 0..<channels { samples[slot &+ c] = 0 }
        }
        head.store(h &+ frames, ordering: .releasing)
        return true
    }

    // MARK: Consumer (the take writer)

    /// Copies frames from position `from` on into `buffer` (interleaved, `channels` wide), up to
    /// `frames`; frames not held (already dropped, or not yet captured) are silence. Returns
    /// how many of the frames were real input.
    @discardableResult
    public func copy(from: Int64, frames: Int, into buffer: UnsafeMutablePointer<Int16>) -> Int {
        let t = Int64(tail.load(ordering: .relaxed))
        let h = Int64(head.load(ordering: .acquiring))
        var real = 0
        for i in 0..<frames {
            let position = from + Int64(i)
            let out = buffer + i * channels
            if position >= t && position < h {
                let slot = (Int(truncatingIfNeeded: position) & mask) * channels
                for c in 0..<channels { out[c] = samples[slot + c] }
                real += 1
            } else {
                for c in 0..<channels { out[c] = 0 }
            }
        }
        return real
    }

    /// Lets go of every frame before `position` (the producer may reuse their room).
    public func release(before position: Int64) {
        let t = tail.load(ordering: .relaxed)
        let h = head.load(ordering: .acquiring)
        let target = Int(clamping: min(max(position, Int64(t)), Int64(h)))
        if target > t { tail.store(target, ordering: .releasing) }
    }
}
