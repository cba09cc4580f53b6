/// One row of the chord-symbol table: a written quality in normalized form, the Yamaha type
/// that plays it, and why (empty when the type is the written chord itself).
public struct ChordSymbolMapping: Hashable, Sendable {
    /// Normalized quality: "" (major), "m7b5", "7#5#9", "6/9", "13sus4" ...
    public let quality: String
    public let type: ChordType
    /// Why this type was chosen when it is not the written chord; empty for exact readings.
    public let reason: String

    public var isExact: Bool { reason.isEmpty }

    init(_ quality: String, _ type: ChordType, _ reason: String = "") {
        self.quality = quality
        self.type = type
        self.reason = reason
    }
}
