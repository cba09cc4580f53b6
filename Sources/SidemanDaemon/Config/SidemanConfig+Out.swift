extension SidemanConfig {
    /// What goes out on `Sideman:out` besides MIDI clock (`[clock] send`).
    public struct Out: Hashable, Sendable {
        /// The band's notes and controllers, on Yamaha's channels (9–16 counted from one).
        public var band = true
        public init() {}
    }
}
