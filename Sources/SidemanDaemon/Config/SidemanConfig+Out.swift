import ALSASequencer

extension SidemanConfig {
    /// What goes out on `Sideman:out` besides MIDI clock (`[clock] send`).
    public struct Out: Hashable, Sendable {
        /// The band's notes and controllers, on Yamaha's channels (9–16 counted from one).
        public var band = true
        /// Synths and DAWs `out` connects to by itself, now and when they appear later
        /// (`[out] connect`, "client:port" name patterns); none by default.
        public var connect = OutputPolicy()
        public init() {}
    }
}
