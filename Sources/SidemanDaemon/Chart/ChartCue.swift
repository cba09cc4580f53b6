import Arranger
import MusicCore
import Practice

/// One thing the chart source does at a tick. Every payload is a plain value (no `.style`
/// command, no strings, no arrays), so that a cue moved through the ring and dropped on the
/// audio thread frees nothing.
enum ChartCue: Hashable, Sendable {
    case command(ArrangerCommand)
    /// A click of the count-in or the metronome, on the click channel.
    case click(MIDIEvent)
    /// Bar `index` of the practice plan starts (0-based, counted from the song's first bar).
    case bar(Int)
    /// The count-in starts (the band waits, or the drums play alone).
    case countIn
    /// The style's intro starts.
    case intro
    /// The style's ending starts (the band stops after it).
    case ending
    /// The song is over: nothing more will sound.
    case end

    /// A score's event as the chart source plays it; nil for what only a file keeps (the
    /// markers of sections and passes: the status names them from the plan).
    init?(_ event: PracticeScore.Event) {
        switch event {
        case .cue(.command(.style)): return nil
        case .cue(.command(let command)): self = .command(command)
        case .cue(.click(let click)): self = .click(click)
        case .cue(.marker): return nil
        case .countIn: self = .countIn
        case .intro: self = .intro
        case .bar(let index): self = .bar(index)
        case .ending: self = .ending
        case .end: self = .end
        }
    }
}
