/// Who leads the band.
public enum ControlMode: String, Codable, Hashable, Sendable {
    /// A song or a loop memory: the chart's chords.
    case chart
    /// The left hand's chords.
    case arranger
}
