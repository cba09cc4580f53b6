import MusicCore
import StyleEngine

/// Which MIDI messages are controls rather than music, and what each one does. The defaults
/// put every action on a key of a dedicated control channel (16), so that a second keyboard,
/// a pad controller or a keyboard split set to channel 16 drives the arranger without
/// stealing keys from the music; a few button CCs (80–83) work on the keyboard's channel.
/// The sustain pedal (CC 64) is not mapped: it belongs to the lead voice.
public struct ControlMapping: Hashable, Sendable {
    /// Channel of note and program triggers without a channel of their own; everything on it
    /// is consumed as control, never played.
    public var controlChannel: MIDIChannel
    /// Honour MIDI Start, Stop and Continue from outside (a drum machine, a DAW).
    public var transportMessages: Bool
    /// A Program Change on the control channel selects the style with that number.
    public var styleByProgramChange: Bool
    public var triggers: [ControlTrigger: ControlAction]

    public init(
        controlChannel: MIDIChannel = 15, transportMessages: Bool = true, styleByProgramChange: Bool = true,
        triggers: [ControlTrigger: ControlAction] = ControlMapping.defaultTriggers
    ) {
        self.controlChannel = controlChannel
        self.transportMessages = transportMessages
        self.styleByProgramChange = styleByProgramChange
        self.triggers = triggers
    }

    /// The default layout: notes from C1 (36) up on the control channel, in the order of
    /// `ControlAction.mappable` less start/stop as separate keys; part mutes on C3 (60) up.
    public static let defaultTriggers: [ControlTrigger: ControlAction] = {
        var t: [ControlTrigger: ControlAction] = [:]
        let keys: [ControlAction] =
            [.startStop, .toggleSyncStart]
            + [1, 2, 3].map { .section(.intro($0)) }
            + SectionID.MainVariation.allCases.map { .section(.main($0)) }
            + [.fill, .section(.breakFill)]
            + [1, 2, 3].map { .section(.ending($0)) }
            + [.tapTempo, .tempoDown, .tempoUp, .previousStyle, .nextStyle, .nextFingeringMode, .learnSplitPoint,
                .panic]
        for (i, action) in keys.enumerated() { t[ControlTrigger(.note, UInt7(36 + i)!)] = action }
        for (i, part) in PartID.allCases.enumerated() { t[ControlTrigger(.note, UInt7(60 + i)!)] = .toggleMute(part) }
        // The practice player's: notes on from G#3 (68); a footswitch's CCs 85–87.
        let practice: [ControlAction] = [.nextSong, .previousSong, .toggleLoop, .toggleChartMode] + (1...8).map { .loopMemory($0) }
        for (i, action) in practice.enumerated() { t[ControlTrigger(.note, UInt7(68 + i)!)] = action }
        t[ControlTrigger(.cc, 85)] = .nextSong
        t[ControlTrigger(.cc, 86)] = .previousSong
        t[ControlTrigger(.cc, 87)] = .toggleLoop
        t[ControlTrigger(.cc, 80)] = .startStop
        t[ControlTrigger(.cc, 81)] = .toggleSyncStart
        t[ControlTrigger(.cc, 82)] = .fill
        t[ControlTrigger(.cc, 83)] = .section(.breakFill)
        // Recording: a footswitch on CC 84, or A#2 (58) on the control channel.
        t[ControlTrigger(.cc, 84)] = .record
        t[ControlTrigger(.note, 58)] = .record
        return t
    }()

    /// The triggers of `action`, in a stable order (for printing the configuration).
    public func triggers(for action: ControlAction) -> [ControlTrigger] {
        triggers.filter { $0.value == action }.map(\.key).sorted { $0.description < $1.description }
    }
}
