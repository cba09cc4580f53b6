import Arranger

/// What the daemon does for a control: a command for the engine, or a job of its own (styles
/// are loaded by the daemon; fingering mode and split point belong to the keyboard processor).
public enum ControlEffect: Hashable, Sendable {
    case arranger(ArrangerCommand)
    /// Arm, disarm or end a take: the recorder does it off the audio thread.
    case toggleRecording
    /// Load the style with this number (0 = the first, in `sideman styles` order).
    case selectStyle(Int)
    /// Load the next (+1) or previous (-1) style, wrapping around.
    case stepStyle(Int)
    case nextFingeringMode
    case learnSplitPoint
    /// Tap tempo: the daemon feeds the press time to a TapTempo.
    case tap
    /// For the practice player (songs, setlists, loops, the looper), off the audio thread.
    case practice(ControlAction)
}
