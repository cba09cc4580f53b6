import Arranger
import MusicCore
import StyleEngine

/// A style ready to swap in on the audio thread: compiled, with its drum channels known.
public struct LiveStyle: Sendable {
    public let prepared: PreparedStyle
    /// Channels whose parts play drum kits: the rhythm parts unless the style says otherwise.
    public let drumChannels: Set<MIDIChannel>

    public init(_ style: Style) {
        prepared = PreparedStyle(style)
        drumChannels = Set(PartID.allCases.filter { style.parts[$0]?.isDrumKit ?? $0.isRhythm }.map(\.channel) + [ChartTimeline.clickChannel])
    }

    public var style: Style { prepared.style }
}
