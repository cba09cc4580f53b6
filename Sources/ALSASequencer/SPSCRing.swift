import Synchronization

/// A fixed-capacity, lock-free ring for exactly one producer thread and one consumer thread
/// (the ALSA reader hands input to the audio thread through it). Neither side ever blocks or
/// allocates: a full ring refuses the element and counts it, so the reader stays real-time safe
/// and the loss is visible.
public final class SPSCRing<Element: Sendable>: @unchecked Sendable {
    // Safety: `slots` is touched only at indices the atomics hand over — the producer writes
    // slots in [tail + count, tail + capacity), the consumer reads [tail, head); acquire/release
    // on head and tail orders the slot accesses.
    private let slots: UnsafeMutablePointer<Element>
    private let mask: Int
    public let capacity: Int
    /// Next index to write; written by the producer only.
    private let head = Atomic<Int>(0)
    /// Next index to read; written by the consumer only.
    private let tail = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)

    /// `capacity` is rounded up to a power of two (at least 2).
    public init(capacity: Int) {
        var size = 2
        while size < capacity { size <<= 1 }
        self.capacity = size
        self.mask = size - 1
        self.slots = .allocate(capacity: size)
    }

    deinit {
        var t = tail.load(ordering: .relaxed)
        let h = head.load(ordering: .relaxed)
        while t != h {
            (slots + (t & mask)).deinitialize(count: 1)
            t &+= 1
        }
        slots.deallocate()
    }

    /// Producer side. False (and the element dropped) when the ring is full.
    @discardableResult
    public func push(_ element: consuming Element) -> Bool {
        let h = head.load(ordering: .relaxed)
        let t = tail.load(ordering: .acquiring)
        if h &- t >= capacity {
            refused.add(1, ordering: .relaxed)
            return false
        }
        (slots + (h & mask)).initialize(to: element)
        head.store(h &+ 1, ordering: .releasing)
        return true
    }

    /// Consumer side. Nil when the ring is empty.
    public func pop() -> Element? {
        let t = tail.load(ordering: .relaxed)
        let h = head.load(ordering: .acquiring)
        if t == h { return nil }
        let element = (slots + (t & mask)).move()
        tail.store(t &+ 1, ordering: .releasing)
        return element
    }

    /// Elements waiting; exact only when called from one of the two sides.
    public var count: Int { head.load(ordering: .acquiring) &- tail.load(ordering: .acquiring) }

    /// Elements refused because the ring was full.
    public var refusedCount: Int { refused.load(ordering: .relaxed) }
}
