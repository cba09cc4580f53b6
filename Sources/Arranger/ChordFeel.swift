import MusicCore

/// How the band forgives a left hand that lands a little late or a little early.
///
/// - `lateWindowMilliseconds`: a chord arriving this soon after band notes started replaces
///   those notes as if it had come on time: same onset, same velocity, the new pitch at once
///   (a note-off and note-on on one frame). 0 = off: such notes follow the retrigger rule.
/// - `anticipation`: a chord played within this many ticks before a strong beat (the bar
///   line, or the middle of an even bar of four or more beats) changes the band on that beat,
///   so the bass does not jump ahead. 0 = off: the chord changes the band at once.
/// - `clearPush`: a chord in that window at least this far ahead of the beat is a push the
///   player means: the comping parts (chord 1 and 2) play it at once, keeping the anticipation,
///   while the bass, pad, phrases and drums still change on the beat. A chord nearer the beat is a hand a
///   little early, and everything waits. Larger than `anticipation` = never.
public struct ChordFeel: Hashable, Sendable {
    public var lateWindowMilliseconds: Int
    public var anticipation: Tick
    public var clearPush: Tick = defaultClearPush

    public static let defaultLateWindowMilliseconds = 40
    public static let defaultAnticipation: Tick = PPQ.standard / 2
    /// A sixteenth note: a chord that much ahead of the beat is no accident of timing.
    public static let defaultClearPush: Tick = PPQ.standard / 4
    /// Both off: every chord acts the moment it arrives.
    public static let strict = ChordFeel(lateWindowMilliseconds: 0, anticipation: 0)

    public init(lateWindowMilliseconds: Int = defaultLateWindowMilliseconds,
                anticipation: Tick = defaultAnticipation, clearPush: Tick = defaultClearPush) {
        self.lateWindowMilliseconds = max(0, lateWindowMilliseconds)
        self.anticipation = max(0, anticipation)
        self.clearPush = max(1, clearPush)
    }
}
