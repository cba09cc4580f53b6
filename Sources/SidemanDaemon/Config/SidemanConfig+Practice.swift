extension SidemanConfig {
    /// The practice player (`[practice]`): a setlist to load at start, the tempo step of
    /// tempo up/down in chart mode, and the chord looper's length.
    public struct Practice: Hashable, Sendable {
        /// A setlist file loaded when the daemon starts (its first song waits for start or next
        /// song); "" = none.
        public var setlist = ""
        /// BPM per tempo up/down press while a song plays.
        public var tempoStep = 5.0
        /// Bars a loop memory records when its key is pressed.
        public var looperBars = 4
        public init() {}
    }
}
