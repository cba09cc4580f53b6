import MusicCore

/// How the band forgives a left hand that lands a little late or a little early.
///
/// - `lateWindowMilliseconds`: a chord arriving this soon after band notes started replaces
///   those notes as if it had come on time: same onset, same velocity, the new pitch at once
///   (a note-off and note-on on one frame). 0 = off: such notes follow the retrigger rule.
/// - `anticipation`: a chord played within this many ticks before a strong beat (the bar
///   line, or the middle of an even bar of four or more beats) changes the band on that beat,
///   so the bass does not jump ahead. 0 = off: the chord changes the band at once.
public struct ChordFeel: Hashable, Sendable {
    public var lateWindowMilliseconds: Int
    public var anticipation: Tick

    public static let defaultLateWindowMilliseconds = 40
    public static let defaultAnticipation: Tick = PPQ.standard / 2
    /// Both off: every chord acts the moment it arrives.
    public static let strict = ChordFeel(lateWindowMilliseconds: 0, anticipation: 0)

    public init(lateWindowMilliseconds: Int = defaultLateWindowMilliseconds,
                anticipation: Tick = defaultAnticipation) {
        self.lateWindowMilliseconds = max(0, lateWindowMilliseconds)
        self.anticipation = max(0, anticipation)
    }
}
