import Synchronization

/// Where the audio thread hands what the synth rendered to the take writer: a fixed ring of
/// 16-bit interleaved stereo samples for one producer (the audio thread, or an offline
/// render) and one consumer (the writer thread), plus the take's state as one atomic.
///
/// The producer never allocates, locks or waits: a block that does not fit ends the take
/// (`overflowed`) instead, and the writer closes the file cleanly. Which block a take starts
/// with is decided by the producer (`trigger`, then the next block), so the take's first
/// sample is a block boundary whose frame is known (`startFrame`).
public final class AudioTap: @unchecked Sendable {
    // Safety: `samples` is touched only at indices the atomics hand over: the producer writes
    // [head, tail + capacity), the consumer reads [tail, head), ordered by acquire/release.
    public enum State: Int, Sendable {
        /// No take.
        case idle
        /// A take waits for the first note or the band's start (`trigger`).
        case armed
        /// The take begins with the next block rendered.
        case starting
        case capturing
        /// The writer asked the take to end; the producer stops at its next block.
        case stopping
        /// The producer has stopped: everything of the take is in the ring.
        case stopped
        /// A block did not fit: the take ended there (the writer was too slow).
        case overflowed
    }

    private let samples: UnsafeMutablePointer<Int16>
    /// Samples (not frames); a power of two.
    public let capacity: Int
    private let mask: Int
    private let head = Atomic<Int>(0)
    private let tail = Atomic<Int>(0)
    private let state = Atomic<Int>(State.idle.rawValue)
    private let start = Atomic<Int64>(0)
    private let overflows = Atomic<Int>(0)
    private let handed = Atomic<Int64>(0)

    /// Room for `seconds` of stereo audio at `sampleRate`.
    public init(sampleRate: Int, seconds: Double = 4) {
        var size = 1024
        while Double(size) < Double(sampleRate) * seconds * 2 { size <<= 1 }
        capacity = size
        mask = size - 1
        samples = .allocate(capacity: size)
        samples.initialize(repeating: 0, count: size)
    }

    deinit { samples.deallocate() }

    public var currentState: State { State(rawValue: state.load(ordering: .acquiring)) ?? .idle }

    /// The producer's frame at which the take's first sample was rendered.
    public var startFrame: Int64 { start.load(ordering: .acquiring) }

    /// The producer's frame before which everything has been written to the sound card (the
    /// live driver's callbacks mark it: `handedOver(atFrame:)`).
    public var handedOverFrames: Int64 { handed.load(ordering: .acquiring) }

    /// Takes cut short by a full ring since the tap was made.
    public var overflowCount: Int { overflows.load(ordering: .relaxed) }

    /// True while the producer should keep the take's MIDI too (the block it triggers or starts
    /// in, and every block after until it stops).
    public var isTaking: Bool {
        let s = state.load(ordering: .relaxed)
        return s == State.starting.rawValue || s == State.capturing.rawValue
    }

    // MARK: Writer side

    /// From idle: set `to` (.armed or .starting). False if a take is on, or the last one is
    /// still being written (the writer `reset`s the tap once it has all of it).
    @discardableResult
    public func begin(_ to: State) -> Bool {
        state.compareExchange(expected: State.idle.rawValue, desired: to.rawValue, ordering: .acquiringAndReleasing).exchanged
    }

    /// Ends the take: an armed take that never started goes idle (returns false: nothing to
    /// write); a running one is asked to stop at the producer's next block.
    public func requestStop() -> Bool {
        if state.compareExchange(expected: State.armed.rawValue, desired: State.idle.rawValue, ordering: .acquiringAndReleasing).exchanged {
            return false
        }
        if state.compareExchange(expected: State.starting.rawValue, desired: State.stopped.rawValue, ordering: .acquiringAndReleasing).exchanged {
            return true
        }
        state.compareExchange(expected: State.capturing.rawValue, desired: State.stopping.rawValue, ordering: .acquiringAndReleasing)
        return true
    }

    /// The producer is gone (the sound card stopped, the render ended): stop without it.
    public func stopWithoutProducer() {
        for from in [State.armed, .starting, .capturing, .stopping] {
            let to: State = from == .armed ? .idle : .stopped
            if state.compareExchange(expected: from.rawValue, desired: to.rawValue, ordering: .acquiringAndReleasing).exchanged { return }
        }
    }

    public func reset() { state.store(State.idle.rawValue, ordering: .releasing) }

    /// Moves up to `buffer.count` samples (whole frames) out of the ring; returns how many.
    public func drain(into buffer: UnsafeMutableBufferPointer<Int16>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let t = tail.load(ordering: .relaxed)
        let h = head.load(ordering: .acquiring)
        let n = min(h &- t, buffer.count & ~1)
        var i = 0
        while i < n {
            let index = (t &+ i) & mask
            let run = min(n - i, capacity - index)
            (base + i).update(from: samples + index, count: run)
            i += run
        }
        tail.store(t &+ n, ordering: .releasing)
        return n
    }

    /// Samples waiting in the ring.
    public var pending: Int { head.load(ordering: .acquiring) &- tail.load(ordering: .acquiring) }

    // MARK: Producer side (the audio thread)

    /// The driver has written every frame before `frame` to the sound card.
    @inline(__always)
    public func handedOver(atFrame frame: Int64) { handed.store(frame, ordering: .releasing) }

    /// An armed take starts here: the first note, or the band's start.
    @inline(__always)
    public func trigger() {
        if state.load(ordering: .relaxed) == State.armed.rawValue {
            state.compareExchange(expected: State.armed.rawValue, desired: State.starting.rawValue, ordering: .acquiringAndReleasing)
        }
    }

    /// One rendered block of planar float channels (the live callback's buffers), at the
    /// producer's `frame`. Converted to 16 bits here, as the sound card gets it.
    @inline(__always)
    public func capture(left: UnsafePointer<Float>, right: UnsafePointer<Float>, frames: Int, atFrame frame: Int64) {
        guard admit(frames: frames, atFrame: frame) else { return }
        let h = head.load(ordering: .relaxed)
        let index = h & mask
        if index + 2 * frames <= capacity {
            let out = samples + index
            for i in 0..<frames {
                out[2 &* i] = Self.sample(left[i])
                out[2 &* i &+ 1] = Self.sample(right[i])
            }
        } else {
            for i in 0..<frames {
                samples[(h &+ 2 &* i) & mask] = Self.sample(left[i])
                samples[(h &+ 2 &* i &+ 1) & mask] = Self.sample(right[i])
            }
        }
        head.store(h &+ 2 &* frames, ordering: .releasing)
    }

    /// One rendered block of interleaved 16-bit stereo (the offline renderer's buffers).
    /// Returns false if the ring had no room (only when `overflowEnds` is false: an offline
    /// producer then waits and offers the block again).
    @discardableResult
    public func capture(interleaved block: UnsafeBufferPointer<Int16>, atFrame frame: Int64, overflowEnds: Bool = true) -> Bool {
        guard let base = block.baseAddress else { return true }
        let frames = block.count / 2
        if !overflowEnds, isTaking, capacity - pending < 2 * frames { return false }
        guard admit(frames: frames, atFrame: frame) else { return true }
        let h = head.load(ordering: .relaxed)
        var i = 0
        while i < 2 * frames {
            let index = (h &+ i) & mask
            let run = min(2 * frames - i, capacity - index)
            (samples + index).update(from: base + i, count: run)
            i += run
        }
        head.store(h &+ 2 &* frames, ordering: .releasing)
        return true
    }

    /// Whether this block goes into the take, moving the state on: a starting take begins, a
    /// stopping one stops, a block that does not fit ends the take.
    @inline(__always)
    private func admit(frames: Int, atFrame frame: Int64) -> Bool {
        switch state.load(ordering: .acquiring) {
        case State.starting.rawValue:
            start.store(frame, ordering: .relaxed)
            if !state.compareExchange(expected: State.starting.rawValue, desired: State.capturing.rawValue, ordering: .acquiringAndReleasing).exchanged {
                return false
            }
        case State.capturing.rawValue: break
        case State.stopping.rawValue:
            state.store(State.stopped.rawValue, ordering: .releasing)
            return false
        default: return false
        }
        let used = head.load(ordering: .relaxed) &- tail.load(ordering: .acquiring)
        if capacity - used < 2 * frames {
            overflows.add(1, ordering: .relaxed)
            state.compareExchange(expected: State.capturing.rawValue, desired: State.overflowed.rawValue, ordering: .acquiringAndReleasing)
            return false
        }
        return true
    }

    @inline(__always)
    static func sample(_ x: Float) -> Int16 {
        // Rounded half away from zero without libm; NaN becomes 0.
        let scaled = x * 32767
        let rounded = scaled + (scaled < 0 ? -0.5 : 0.5)
        guard rounded == rounded else { return 0 }
        return Int16(max(-32768, min(32767, rounded)))  // truncates: the 0.5 above rounds
    }
}
