import Arranger
import MusicCore

/// A new configuration for the running band, built off the audio thread (everything that
/// allocates is made here) and handed to it through a ring. The audio thread swaps its old
/// styles and control mapper into this value and hands it back, so that they are freed off
/// the audio thread too.
struct LiveReconfiguration: Sendable {
    var config: SidemanConfig
    var styles: [LiveStyle]
    /// The style to play from now (at the next bar line when the band plays).
    var styleIndex: Int
    var mapper: ControlMapper

    init(config: SidemanConfig, styles: [LiveStyle], styleIndex: Int) {
        self.config = config
        self.styles = styles
        self.styleIndex = min(max(0, styleIndex), max(0, styles.count - 1))
        mapper = ControlMapper(mapping: config.control, keyboardChannel: config.keyboard.channel)
    }
}
