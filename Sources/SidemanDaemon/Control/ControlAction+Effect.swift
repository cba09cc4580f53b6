import Arranger
import MusicCore

extension ControlAction {
    /// The effect of this action given the arranger's state; nil when there is nothing to do
    /// (tempo already at its limit).
    public func effect(in context: ControlContext) -> ControlEffect? {
        if isPractice { return .practice(self) }
        if context.chartActive {
            switch self {
            case .startStop, .start, .stop, .continue, .tempoUp, .tempoDown: return .practice(self)
            default: break
            }
        }
        switch self {
        case .startStop: return .arranger(context.isRunning ? .stop : .start)
        case .start, .continue: return .arranger(.start)
        case .stop: return .arranger(.stop)
        case .toggleSyncStart: return .arranger(.syncStart(!context.syncStartArmed))
        case .record: return .toggleRecording
        case .section(let s): return .arranger(.section(s))
        case .fill: return .arranger(.section(.fill(context.currentMain)))
        case .tapTempo: return .tap
        case .tempoUp, .tempoDown:
            let step = self == .tempoUp ? context.tempoStep : -context.tempoStep
            let bpm = min(Tempo.range.upperBound, max(Tempo.range.lowerBound, (context.tempo.bpm + step).rounded()))
            guard let tempo = Tempo(bpm: bpm), tempo != context.tempo else { return nil }
            return .arranger(.tempo(tempo))
        case .selectStyle(let n): return .selectStyle(n)
        case .nextStyle: return .stepStyle(1)
        case .previousStyle: return .stepStyle(-1)
        case .toggleMute(let part): return .arranger(.mute(part, !context.mutedParts.contains(part)))
        case .nextFingeringMode: return .nextFingeringMode
        case .learnSplitPoint: return .learnSplitPoint
        case .panic: return .arranger(.panic)
        case .nextSong, .previousSong, .toggleLoop, .toggleChartMode, .loopMemory: return .practice(self)
        }
    }
}
