/// Where a song is: what `sideman status` and the web remote show.
public enum ChartPhase: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// No song loaded (arranger mode, or stopped).
    case idle = 0
    case countIn = 1
    case intro = 2
    case playing = 3
    case ending = 4
    /// The song played to its end (the band stopped, or moves to the next song of a setlist).
    case finished = 5

    public var description: String {
        switch self {
        case .idle: "idle"
        case .countIn: "count-in"
        case .intro: "intro"
        case .playing: "playing"
        case .ending: "ending"
        case .finished: "finished"
        }
    }
}
