import MusicCore

extension ArrangerEngine {
    /// The tempo the engine plays at now (after the commands of the last block), read without
    /// building a status: a source keeping its own clock in step with the engine's follows it.
    public var currentTempo: Tempo { tempo }
}
