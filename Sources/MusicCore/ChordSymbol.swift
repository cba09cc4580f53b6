/// A chord symbol as written in a chart ("C7#5#9", "Bbm7b5", "F/A", "NC"): the original text
/// for display, and the playable chord it means (nil for "no chord"). Rich jazz symbols are
/// reduced to the nearest of Yamaha's 34 types through one table (`ChordSymbol.mappings`,
/// listed in docs/chord-symbols.md), so the band can play them.
public struct ChordSymbol: Hashable, Sendable, CustomStringConvertible {
    /// The text as written (trimmed), kept for display.
    public let text: String
    /// The chord the band plays; nil for NC (no chord: the rhythm plays on, the rest stops).
    public let chord: Chord?
    /// The written quality in normalized form (the key into `mappings`): "7#5#9", "m7b5",
    /// "" for a major triad; nil for NC.
    public let quality: String?

    /// The symbol of a chord in Sideman's spelling (`Chord.symbol`), or "NC" for nil.
    public init(_ chord: Chord?) {
        self.chord = chord
        self.text = chord?.symbol ?? "NC"
        self.quality = chord.map { ChordSymbol.quality(of: $0.type) }
    }

    /// Parses what musicians write; see `parse(_:)`.
    public init(parsing text: some StringProtocol) throws(ChordSymbolError) {
        self = try ChordSymbol.parse(text)
    }

    public var isNoChord: Bool { chord == nil }

    /// True when the written chord holds more (or other) tones than the type it plays,
    /// e.g. C13b9 played as C7(b9).
    public var isApproximation: Bool {
        guard let quality else { return false }
        return ChordSymbol.mapping(for: quality)?.isExact == false
    }

    public var description: String { text }

    /// The normalized quality Sideman itself prints for a type (exact table entry).
    static func quality(of type: ChordType) -> String {
        mappings.first { $0.isExact && $0.type == type }?.quality ?? type.symbolSuffix
    }
}
