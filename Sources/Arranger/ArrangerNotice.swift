import MusicCore
import StyleEngine

/// Something the transport did, for displays and the control API. Each carries the frame
/// within the block where it happened.
public enum ArrangerNotice: Hashable, Sendable {
    case started(frame: Int)
    case stopped(frame: Int)
    case sectionStarted(SectionID, frame: Int)
    /// The chord the band now plays (nil: no chord, only the rhythm parts play).
    case chordChanged(Chord?, frame: Int)
    /// Bar number from 0 at start.
    case bar(Int, frame: Int)
    case tempoChanged(Tempo, frame: Int)

    public var frame: Int {
        switch self {
        case .started(let f), .stopped(let f), .sectionStarted(_, let f), .chordChanged(_, let f), .bar(_, let f),
            .tempoChanged(_, let f):
            return f
        }
    }
}

/// A snapshot of the transport for displays.
public struct ArrangerStatus: Hashable, Sendable {
    public var isRunning: Bool
    /// The section playing (nil when stopped).
    public var section: SectionID?
    public var chord: Chord?
    public var tempo: Tempo
    /// Bars played since start (0 = the first bar).
    public var bar: Int
    /// Beat within the bar, from 0.
    public var beat: Int
    public var isSyncStartArmed: Bool
    public var autoFill: Bool
    public var styleName: String

    public init(
        isRunning: Bool, section: SectionID?, chord: Chord?, tempo: Tempo, bar: Int, beat: Int,
        isSyncStartArmed: Bool, autoFill: Bool, styleName: String
    ) {
        self.isRunning = isRunning
        self.section = section
        self.chord = chord
        self.tempo = tempo
        self.bar = bar
        self.beat = beat
        self.isSyncStartArmed = isSyncStartArmed
        self.autoFill = autoFill
        self.styleName = styleName
    }
}
