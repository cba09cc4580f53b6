import MusicCore

/// The reader's side of the input ring, and its bookkeeping of what was lost on the way: the
/// kernel's buffer overflowing (an overrun) or the ring refusing an event (the consumer behind).
///
/// A loss must reach the consumer at its place in the stream, so that it releases exactly the
/// notes whose note-offs may have gone: the next event pushed carries `lostBefore`. When
/// nothing follows (a flood that ends in an overrun), `tellLoss` pushes a marker that carries
/// it alone, so that no note stays stuck until some later key is pressed.
///
/// The journal gets one line per interval at most for every kind of loss together, with the
/// counts, and the last counts of a burst once it is over (`due`). Pure but for the ring: the
/// time is passed in.
public struct InputDelivery: Sendable {
    public let ring: SPSCRing<InputEvent>
    /// Input was lost and no event pushed since has told the consumer.
    public private(set) var lossPending = false
    private var warnings: WarningThrottle
    private var overruns = 0
    private var dropped = 0

    public init(ring: SPSCRing<InputEvent>, warningIntervalNanoseconds: UInt64 = 2_000_000_000) {
        self.ring = ring
        warnings = WarningThrottle(intervalNanoseconds: warningIntervalNanoseconds)
    }

    /// Pushes one event for the consumer (carrying the loss before it, if any); the notice
    /// to log if it was refused and a line is due.
    public mutating func deliver(_ event: InputEvent) -> SequencerNotice? {
        var event = event
        event.lostBefore = lossPending
        if ring.push(event) {
            lossPending = false
            return nil
        }
        lossPending = true
        dropped += 1
        return record(atNanoseconds: event.receivedNanoseconds)
    }

    /// The kernel's buffer overflowed (its events are gone); the notice to log, if due.
    public mutating func overrun(atNanoseconds now: UInt64) -> SequencerNotice? {
        lossPending = true
        overruns += 1
        return record(atNanoseconds: now)
    }

    /// Nothing followed a loss: tells the consumer with a marker (active sensing, which plays
    /// nothing) if the ring has room. Call when the input has gone quiet.
    public mutating func tellLoss(source: SequencerAddress, atNanoseconds now: UInt64) {
        guard lossPending else { return }
        if ring.push(InputEvent(source: source, event: .activeSensing, receivedNanoseconds: now, lostBefore: true)) {
            lossPending = false
        }
    }

    /// The counts held back, once their line is due.
    public mutating func due(atNanoseconds now: UInt64) -> SequencerNotice? {
        warnings.due(atNanoseconds: now) != nil ? takeNotice() : nil
    }

    /// How long the reader may wait for input before it must come back here (milliseconds,
    /// -1: indefinitely): soon while a loss is untold, else when held counts fall due.
    public func waitMilliseconds(atNanoseconds now: UInt64) -> Int32 {
        if lossPending { return Self.retryMilliseconds }
        guard let deadline = warnings.deadline else { return -1 }
        return deadline <= now ? 0 : Int32(min(60_000, (deadline - now + 999_999) / 1_000_000))
    }

    /// How soon a loss is told again when the ring had no room for the marker.
    public static let retryMilliseconds: Int32 = 5

    private mutating func record(atNanoseconds now: UInt64) -> SequencerNotice? {
        warnings.record(atNanoseconds: now) != nil ? takeNotice() : nil
    }

    private mutating func takeNotice() -> SequencerNotice {
        defer {
            overruns = 0
            dropped = 0
        }
        return .inputLost(overruns: overruns, dropped: dropped, withinSeconds: Int(warnings.intervalNanoseconds / 1_000_000_000))
    }
}
