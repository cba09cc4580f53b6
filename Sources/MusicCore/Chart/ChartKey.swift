/// A song's key: a tonic and major or minor ("F", "Cm"). Transposing a song moves its key.
public struct ChartKey: Hashable, Sendable, CustomStringConvertible {
    public var tonic: PitchClass
    public var minor: Bool

    public init(tonic: PitchClass, minor: Bool = false) {
        self.tonic = tonic
        self.minor = minor
    }

    /// "F", "Bb", "C#m", "Cm", "C-", "Cmin", "C minor", "Eb major".
    public init?(_ text: some StringProtocol) {
        guard let (tonic, rest) = PitchClass.parsePrefix(text.trimmingSpaces) else { return nil }
        let quality = rest.trimmingSpaces.lowercased()
        switch quality {
        case "", "maj", "major": minor = false
        case "m", "-", "min", "minor": minor = true
        default: return nil
        }
        self.tonic = tonic
    }

    public func transposed(by semitones: Int) -> ChartKey { ChartKey(tonic: tonic.transposed(by: semitones), minor: minor) }

    public var description: String { tonic.description + (minor ? "m" : "") }
}
