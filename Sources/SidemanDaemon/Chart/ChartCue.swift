import Arranger
import MusicCore

/// One thing the chart source does at a tick of its timeline. Every payload is a plain value
/// (no `.style` command, no arrays), so that copying a cue on the audio thread allocates nothing.
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
}
