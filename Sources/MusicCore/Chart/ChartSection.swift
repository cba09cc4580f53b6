/// A named part of a chart (A, B, Intro, Solos ...): the written bars from `start` to
/// `end` (exclusive). A form ("A A B A") plays sections by name.
public struct ChartSection: Hashable, Sendable {
    public var name: String
    public var start: Int
    public var end: Int
    /// 1-based line of the `[Name]` mark; 0 when built in code.
    public var line: Int

    public init(name: String, start: Int, end: Int, line: Int = 0) {
        self.name = name
        self.start = start
        self.end = end
        self.line = line
    }

    public var range: Range<Int> { start..<end }

    /// Two sections are the same whatever line they were read from.
    public static func == (a: ChartSection, b: ChartSection) -> Bool { a.name == b.name && a.start == b.start && a.end == b.end }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(start)
        hasher.combine(end)
    }
}
