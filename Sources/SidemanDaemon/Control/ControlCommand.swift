import StyleEngine

/// Every action a client can ask of the daemon, one typed value: the practice player's
/// (play, stop, setlists, loop, tempo, mode, the chord looper) and every arranger control
/// (`control`, by its [control.map] key: main_b, fill, tempo_up, mute_bass …). MIDI controls,
/// the control socket and the web remote all end here. Its JSON form is one object with a
/// `command` field (docs/control-api.md):
///
///     {"command":"play","request":{"song":"blues-major","tempo":120,"loop":"1-4"}}
///     {"command":"control","action":"main_b"}
///     {"command":"setlist_load","path":"/var/lib/sideman/setlists/tuesday.txt"}
public enum ControlCommand: Hashable, Sendable {
    case play(PracticeRequest)
    /// Stop the song (or the band in arranger mode).
    case stop
    /// An arranger or practice control, as a MIDI control would fire it.
    case control(ControlAction)
    case setlistLoad(path: String)
    case setlistNext
    case setlistPrevious
    /// The loop of the song playing: on, off, or toggled (nil).
    case loop(Bool?)
    /// Tempo up or down by this many BPM (the song's ramp moves with it).
    case nudgeTempo(Double)
    /// Who leads the band: a song (chart) or the left hand (arranger).
    case mode(ControlMode)
    /// Chord looper: record the left hand for `bars` bars into memory `slot` (1…8).
    case looperRecord(slot: Int, bars: Int)
    /// Play loop memory `slot` as a chart; stop it.
    case looperPlay(slot: Int)
    /// Save loop memory `slot` as a chart file.
    case looperSave(slot: Int, path: String)
    /// A part of the band muted or not, and its volume (0…127): either or both.
    case part(PartID, mute: Bool?, volume: Int?)
    /// The state (the status report).
    case status

    /// The `command` field's value.
    public var name: String {
        switch self {
        case .play: "play"
        case .stop: "stop"
        case .control: "control"
        case .setlistLoad: "setlist_load"
        case .setlistNext: "setlist_next"
        case .setlistPrevious: "setlist_previous"
        case .loop: "loop"
        case .nudgeTempo: "tempo"
        case .mode: "mode"
        case .looperRecord: "looper_record"
        case .looperPlay: "looper_play"
        case .looperSave: "looper_save"
        case .part: "part"
        case .status: "status"
        }
    }

    public static let names = [
        "play", "stop", "control", "setlist_load", "setlist_next", "setlist_previous", "loop", "tempo", "mode",
        "looper_record", "looper_play", "looper_save", "part", "status",
    ]
}
