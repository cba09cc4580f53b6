extension SidemanConfig {
    /// The `out` port's feed, if anything is to go out (`[out] band`, `[clock] send`).
    public var liveOutput: LiveOutput? {
        out.band || clock.send ? LiveOutput(band: out.band, clock: clock.send, sampleRate: audio.sampleRate) : nil
    }

    /// The tempo follower, if `[clock] follow` is on.
    public var clockFollower: ClockFollower? { clock.follow ? ClockFollower() : nil }
}
