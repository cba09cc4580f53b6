/// Straight or swung eighths (or sixteenths). `ratio` is the long note's share of the pair:
/// 0.5 straight, 0.667 triplet swing (shuffle), 0.6 a light swing.
public struct Feel: Hashable, Sendable {
    public var ratio: Double
    /// The subdivision that swings: 8 (eighths) or 16 (sixteenths).
    public var subdivision: Int

    public init(ratio: Double, subdivision: Int = 8) {
        self.ratio = min(0.75, max(0.5, ratio))
        self.subdivision = subdivision
    }

    public static let straight = Feel(ratio: 0.5)
    public static let shuffle = Feel(ratio: 2.0 / 3.0)
    public static func swing(_ ratio: Double, subdivision: Int = 8) -> Feel { Feel(ratio: ratio, subdivision: subdivision) }

    public var isStraight: Bool { ratio == 0.5 }
}
