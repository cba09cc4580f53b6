import StyleEngine

/// What a player can ask for from the keyboard (a control key, button, pad or pedal), or what
/// an external MIDI transport asks for. The daemon turns these into ArrangerCommands (some,
/// such as start/stop or tap tempo, depend on the arranger's state, hence not mapped here).
public enum ControlAction: Hashable, Sendable, CustomStringConvertible {
    case startStop
    case start
    case stop
    case `continue`
    case toggleSyncStart
    /// Recording: arm a take, disarm it, or end the take running (a footswitch).
    case record
    case section(SectionID)
    /// The fill of the current main section.
    case fill
    case tapTempo
    case tempoUp
    case tempoDown
    /// Style by number: a Program Change on the control channel (0 = the first style).
    case selectStyle(Int)
    case nextStyle
    case previousStyle
    case toggleMute(PartID)
    case nextFingeringMode
    /// The next key played on the keyboard becomes the split point.
    case learnSplitPoint
    case panic
    /// Practice: the next or previous song of the setlist (chart mode).
    case nextSong
    case previousSong
    /// Practice: the loop of the song playing on or off.
    case toggleLoop
    /// Chart mode (a song leads) or arranger mode (the left hand leads).
    case toggleChartMode
    /// Chord looper memory 1…8: record the left hand's progression, then play it as a loop;
    /// pressed again while it plays, it stops.
    case loopMemory(Int)

    /// The key naming this action in the configuration file's [control.map] table.
    public var key: String {
        switch self {
        case .startStop: "start_stop"
        case .start: "start"
        case .stop: "stop"
        case .continue: "continue"
        case .toggleSyncStart: "sync_start"
        case .record: "record"
        case .section(let s):
            switch s {
            case .intro(let n): "intro\(n)"
            case .main(let v): "main_\(v.letter.lowercased())"
            case .fill(let v): "fill_\(v.letter.lowercased())"
            case .breakFill: "break"
            case .ending(let n): "ending\(n)"
            }
        case .fill: "fill"
        case .tapTempo: "tap_tempo"
        case .tempoUp: "tempo_up"
        case .tempoDown: "tempo_down"
        case .selectStyle(let n): "style_\(n)"
        case .nextStyle: "next_style"
        case .previousStyle: "previous_style"
        case .toggleMute(let p): "mute_\(p.key)"
        case .nextFingeringMode: "fingering_mode"
        case .learnSplitPoint: "split_point"
        case .panic: "panic"
        case .nextSong: "next_song"
        case .previousSong: "previous_song"
        case .toggleLoop: "loop"
        case .toggleChartMode: "chart_mode"
        case .loopMemory(let n): "loop_memory_\(n)"
        }
    }

    public var description: String { key }

    /// Every action that can be put on a key, in the order the configuration file lists them.
    public static let mappable: [ControlAction] =
        [.startStop, .start, .stop, .toggleSyncStart]
        + [1, 2, 3].map { .section(.intro($0)) }
        + SectionID.MainVariation.allCases.map { .section(.main($0)) }
        + [.fill, .section(.breakFill)]
        + [1, 2, 3].map { .section(.ending($0)) }
        + [.record]
        + [.tapTempo, .tempoDown, .tempoUp, .previousStyle, .nextStyle, .nextFingeringMode, .learnSplitPoint, .panic]
        + PartID.allCases.map { .toggleMute($0) }
        + [.nextSong, .previousSong, .toggleLoop, .toggleChartMode] + (1...8).map { .loopMemory($0) }

    /// Actions the practice player takes (off the audio thread: a song is prepared there).
    public var isPractice: Bool {
        switch self {
        case .nextSong, .previousSong, .toggleLoop, .toggleChartMode, .loopMemory: true
        default: false
        }
    }

    /// The mappable action named `key` in the configuration file.
    public init?(key: String) {
        guard let found = Self.mappable.first(where: { $0.key == key }) else { return nil }
        self = found
    }
}
