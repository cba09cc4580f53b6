extension Synthesizer {
    /// FluidSynth's last error or warning not yet reported (its own threads log there too:
    /// the audio driver ends its thread on an error it cannot recover from, and says why).
    public static func takeLastLogMessage() -> String? { FluidLog.takeLastMessage() }
}
