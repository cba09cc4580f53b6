import MusicCore

/// Turns timed key presses into chord changes, absorbing staggered presses without ever
/// delaying a chord that is already complete.
///
/// Time is whatever integer clock the caller uses (samples or microseconds); the settle
/// window is in the same unit. There is no clock inside: the caller feeds `noteOn` /
/// `noteOff` with their times, and asks `poll(at:)` for a chord that has come due (and
/// `deadline` for when to ask next). Poll before feeding an event later than `deadline`,
/// so that a reading that came due is sent before the keys change.
///
/// A reading is *complete* (sent at once) when it is a chord of three or more pitch
/// classes, a cancel, or a two- or three-key Single Finger shape. One key (1+8, a Single
/// Finger major), a bare fifth, or a shape the AI modes read against the previous chord may
/// be the first keys of a larger chord, so it waits for the window to close; a later key
/// that completes the chord sends that chord at once and the provisional one never sounds.
public struct ChordSettler: Sendable {
    public var recognizer: ChordRecognizer
    public var settleWindow: Int64
    /// The keys now held.
    public private(set) var keys = KeySet()
    /// The chord last sent (nil before the first chord and after a cancel).
    public private(set) var current: Chord?
    /// A provisional reading waiting for the window to close, and when it closes.
    public private(set) var pending: ChordReading?
    public private(set) var deadline: Int64?

    public struct Change: Hashable, Sendable {
        public var time: Int64
        public var reading: ChordReading
    }

    public init(mode: FingeringMode = .fingered, settleWindow: Int64) {
        self.recognizer = ChordRecognizer(mode: mode)
        self.settleWindow = max(0, settleWindow)
    }

    public var mode: FingeringMode {
        get { recognizer.mode }
        set { recognizer.mode = newValue }
    }

    /// A key went down at `time`. Returns a change to send now, if any (a complete chord).
    public mutating func noteOn(_ note: UInt7, at time: Int64) -> Change? {
        keys.insert(note)
        let reading = recognizer.recognize(keys, previous: current)
        switch reading {
        case .unrecognised:
            // The keys now held no longer make the provisional reading (C, then E: not
            // C(1+8)); the chord that is playing stays.
            pending = nil
            deadline = nil
            return nil
        case .chord(let chord) where !isComplete(chord):
            if settleWindow == 0 { return commit(reading, at: time) }
            pending = reading
            if deadline == nil { deadline = time + settleWindow }
            return nil
        default:
            return commit(reading, at: time)
        }
    }

    /// A key went up. Releasing never changes the chord (memory is the caller's choice).
    public mutating func noteOff(_ note: UInt7, at time: Int64) {
        keys.remove(note)
    }

    /// The pending reading, if its window has closed by `time`.
    public mutating func poll(at time: Int64) -> Change? {
        guard let deadline, time >= deadline else { return nil }
        let reading = pending
        self.deadline = nil
        pending = nil
        guard let reading else { return nil }
        return commit(reading, at: deadline)
    }

    /// Forgets the held keys and anything pending (the player's hand is gone, a panic).
    public mutating func releaseAll() {
        keys.removeAll()
        pending = nil
        deadline = nil
    }

    /// Forgets the chord that is playing too (after stop with memory off).
    public mutating func reset() {
        releaseAll()
        current = nil
    }

    /// Forgets the chord that is playing but not the held keys, so that the next reading
    /// is sent even if it names the same chord (the band waits for it to start).
    public mutating func forgetCurrent() {
        current = nil
    }

    func isComplete(_ chord: Chord) -> Bool {
        if chord == current { return true }
        let pcs = keys.pitchClassMask.nonzeroBitCount
        switch recognizer.mode {
        case .singleFinger, .multiFinger:
            // Two- and three-key Single Finger shapes are finished gestures.
            if pcs >= 2 { return chord.type != .onePlusFive }
            return false
        default:
            return pcs >= 3 && chord.type != .onePlusEight && chord.type != .onePlusFive
        }
    }

    mutating func commit(_ reading: ChordReading, at time: Int64) -> Change? {
        pending = nil
        deadline = nil
        switch reading {
        case .unrecognised:
            return nil
        case .cancel:
            let wasPlaying = current != nil
            current = nil
            return wasPlaying ? Change(time: time, reading: .cancel) : nil
        case .chord(let chord):
            if chord == current { return nil }
            current = chord
            return Change(time: time, reading: reading)
        }
    }
}
