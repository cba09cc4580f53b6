/// What a written bar carries besides its chords: a repeat opening before it, a repeat
/// closing after it (played `times` in all), and the endings it belongs to (a bar of the
/// first ending is played on the first pass only).
public struct ChartBarMarks: Hashable, Sendable {
    /// `|:` before the bar.
    public var repeatStart = false
    /// `:|` after the bar: how many times the repeated bars are played in all (2 for `:|`,
    /// 3 for `:|x3`); nil when the bar closes no repeat.
    public var repeatTimes: Int?
    /// The passes this bar is played on (`1.` marks the first ending, `1.2.` the first and
    /// second); empty for a bar outside the endings.
    public var endings: Set<Int> = []
    /// The ending mark as written ("1.", "1.2.") on the bar that starts an ending.
    public var endingMark: String?

    public init(repeatStart: Bool = false, repeatTimes: Int? = nil, endings: Set<Int> = [], endingMark: String? = nil) {
        self.repeatStart = repeatStart
        self.repeatTimes = repeatTimes
        self.endings = endings
        self.endingMark = endingMark
    }

    public var isPlain: Bool { !repeatStart && repeatTimes == nil && endings.isEmpty }
}
