/// Why a chord symbol could not be read: the symbol as written and the reason, in one line
/// ("unknown chord symbol \"Cxyz\": unexpected \"xyz\" after \"C\"").
public struct ChordSymbolError: Error, Hashable, Sendable, CustomStringConvertible {
    public let symbol: String
    public let reason: String

    public init(symbol: String, reason: String) {
        self.symbol = symbol
        self.reason = reason
    }

    public var description: String { "unknown chord symbol \"\(symbol)\": \(reason)" }
}
