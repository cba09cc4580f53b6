import MusicCore
import StyleEngine

/// What the daemon knows of the arranger when a control arrives; the toggles and steps of
/// ControlAction depend on it (start/stop starts or stops, mute toggles, tempo up steps).
public struct ControlContext: Hashable, Sendable {
    public var isRunning: Bool
    public var syncStartArmed: Bool
    /// The main section playing (or last played): the one a fill belongs to.
    public var currentMain: SectionID.MainVariation
    public var tempo: Tempo
    public var mutedParts: Set<PartID>
    /// BPM per tempo up/down press.
    public var tempoStep: Double
    /// A song leads the band (chart mode): start/stop and tempo go to the practice player.
    public var chartActive = false

    public init(
        isRunning: Bool = false, syncStartArmed: Bool = false, currentMain: SectionID.MainVariation = .a,
        tempo: Tempo = Tempo(bpm: 120)!, mutedParts: Set<PartID> = [], tempoStep: Double = 2
    ) {
        self.isRunning = isRunning
        self.syncStartArmed = syncStartArmed
        self.currentMain = currentMain
        self.tempo = tempo
        self.mutedParts = mutedParts
        self.tempoStep = tempoStep
    }
}
