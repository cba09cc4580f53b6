import Synchronization

/// What the audio thread tells the rest of the daemon, through atomics only (the audio thread
/// never locks): how many blocks it has rendered (the watchdog's proof of life), how many
/// callbacks came late, the style playing. Read by any thread at any time.
public final class AudioPulse: Sendable {
    /// Blocks the engine has advanced; stops growing when the engine stops advancing.
    public let blocks = Atomic<UInt64>(0)
    /// Callbacks that came later than the sound card's buffer lasts (a likely underrun).
    public let lateCallbacks = Atomic<UInt64>(0)
    /// Index of the style playing in the current style list.
    public let styleIndex = Atomic<Int>(0)
    /// The parts muted now, bit n for the part on channel n (AudioPulse+Band).
    public let mutedParts = Atomic<UInt16>(0)
    /// Each part's volume (CC 7) as last sent to the synth: one byte per part from rhythm 1,
    /// 0x80 | value; 0 while nothing was sent.
    public let partVolumes = Atomic<UInt64>(0)
    /// Bars since the band started (-1: stopped) and the beat within the bar, both from 0.
    public let bar = Atomic<Int>(-1)
    public let beat = Atomic<Int>(0)
    /// Fault injection: the callback stops driving the engine (only a test build sets it).
    public let stalled = Atomic<Bool>(false)
    /// Fault injection: the sound card's driver is to stop calling back (`fault audio-stop`).
    public let audioStopRequested = Atomic<Bool>(false)
    /// Fault injection: the driver's thread is to wait in its callback (1: `fault audio-hold`)
    /// or go on (2: `fault audio-release`); 0: nothing asked.
    public let audioHoldRequested = Atomic<Int>(0)

    public init() {}

    /// One block done: called by the audio thread at the end of every block.
    @inline(__always)
    public func published(late: Bool, styleIndex index: Int) {
        blocks.add(1, ordering: .releasing)
        if late { lateCallbacks.add(1, ordering: .relaxed) }
        if styleIndex.load(ordering: .relaxed) != index { styleIndex.store(index, ordering: .relaxed) }
    }
}
