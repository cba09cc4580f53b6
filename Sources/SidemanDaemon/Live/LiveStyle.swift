import Arranger
import MusicCore
import StyleEngine

/// A style ready to swap in on the audio thread: compiled (its kits are selected by the
/// banks of its setup, so no channel is a drum channel by itself).
public struct LiveStyle: Sendable {
    public let prepared: PreparedStyle

    public init(_ style: Style) {
        prepared = PreparedStyle(style)
    }

    public var style: Style { prepared.style }
}
