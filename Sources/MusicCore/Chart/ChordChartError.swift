/// Why a chord chart could not be read: the file (when there is one), the line, the symbol
/// at fault (if any) and the problem, as one line: "blues.txt line 7: unknown chord symbol
/// \"Cxyz\": unexpected \"xyz\" after \"C\"".
public struct ChordChartError: Error, Hashable, Sendable, CustomStringConvertible {
    public let source: String?
    /// 1-based line number.
    public let line: Int
    public let symbol: String?
    public let reason: String

    public init(source: String?, line: Int, symbol: String? = nil, reason: String) {
        self.source = source
        self.line = line
        self.symbol = symbol
        self.reason = reason
    }

    public var description: String {
        let place = source.map { "\($0) line \(line)" } ?? "line \(line)"
        return "\(place): \(reason)"
    }
}
