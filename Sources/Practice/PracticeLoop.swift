/// A part of the song played over and over: a range of played bars (1-based, as counted
/// through one chorus with its repeats expanded) or a section, `times` passes or endlessly.
public struct PracticeLoop: Hashable, Sendable {
    public enum Span: Hashable, Sendable {
        /// Bars `first...last`, 1-based.
        case bars(Int, Int)
        /// The first pass through a section, by its name.
        case section(String)
    }

    public var span: Span
    /// nil: endlessly (live only; a render needs a number).
    public var times: Int?

    public init(span: Span, times: Int?) {
        self.span = span
        self.times = times
    }

    /// Reads "5-8", "5-8x4", "5-8 x4", "B", "B x3", "Bx3" (a section name is letters, digits
    /// and dashes; a lone number is one bar).
    public init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: " "))
        var times: Int? = nil
        if let x = body.lastIndex(where: { $0 == "x" || $0 == "X" || $0 == "×" }),
            let n = Int(body[body.index(after: x)...]), x > body.startIndex
        {
            guard n >= 1 else { return nil }
            times = n
            body = Substring(String(body[..<x]).trimmingCharacters(in: " "))
        }
        guard !body.isEmpty, !body.contains(" ") else { return nil }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) {
            guard a >= 1, b >= a else { return nil }
            span = .bars(a, b)
        } else if parts.count == 1, let a = Int(parts[0]) {
            guard a >= 1 else { return nil }
            span = .bars(a, a)
        } else {
            span = .section(String(body))
        }
        self.times = times
    }
}
