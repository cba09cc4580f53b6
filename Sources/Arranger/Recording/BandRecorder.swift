import MusicCore
import StyleEngine

/// Keeps what a render played, at exact frames, and writes it as a Standard MIDI File: the
/// band on Yamaha's channels (9-16), the player's right hand on 1 and left hand on 2, the
/// tempo, each chord change as a text event and each section as a marker. The offline render
/// and the live recorder keep their takes through it, so both write the same kind of file.
public struct BandRecorder: Sendable {
    public private(set) var events: [(frame: Int, event: MIDIEvent)] = []
    public private(set) var meta: [(frame: Int, event: MIDIMetaEvent)] = []

    public init() {}

    public mutating func record(_ event: MIDIEvent, atFrame frame: Int) {
        switch event {
        case .noteOn, .noteOff, .controlChange, .programChange, .pitchBend, .channelPressure, .polyPressure:
            events.append((frame, event))
        default:
            break
        }
    }

    /// Several changes on one frame (keys of a chord read one by one) keep only the last.
    public mutating func chordChanged(to chord: Chord?, atFrame frame: Int) {
        let text = MIDIMetaEvent.text(.text, chord?.symbol ?? "NC")
        if let i = meta.lastIndex(where: { $0.event.textKind == .text }), meta[i].frame == frame {
            meta[i].event = text
        } else {
            meta.append((frame, text))
        }
    }

    public mutating func sectionStarted(_ name: String, atFrame frame: Int) {
        meta.append((frame, .marker(name)))
    }

    /// The recording as a format 1 file at Sideman's resolution: a conductor track (name,
    /// meter, tempo map, chords, sections), then one track per channel that played.
    /// `kitChannels` are the channels that played drum kits: a channel whose kit status
    /// differs from General MIDI's (kits on channel 10 only) starts with a GS "use for rhythm
    /// part" message, so that another player (the fluidsynth command, a DAW's GM synth) plays
    /// rhythm 1 on channel 9 as drums, not as the melodic program of the same number.
    public func midiFile(title: String, meter: Meter, time: FrameTime, kitChannels: Set<MIDIChannel> = [9]) -> MIDIFile {
        var conductor = MIDITrack(events: [
            TimedMIDIEvent(tick: 0, .trackName(title)),
            TimedMIDIEvent(tick: 0, .meta(.timeSignature(MIDITimeSignature(meter)))),
        ])
        for change in time.tempoChanges { conductor.events.append(TimedMIDIEvent(tick: change.tick, .tempo(change.tempo))) }
        for (frame, event) in meta { conductor.events.append(TimedMIDIEvent(tick: time.tick(atFrame: frame), event)) }

        var byChannel: [MIDIChannel: [TimedMIDIEvent]] = [:]
        for (frame, event) in events {
            guard let channel = event.channel else { continue }
            byChannel[channel, default: []].append(TimedMIDIEvent(tick: time.tick(atFrame: frame), event))
        }
        var tracks = [conductor]
        for channel in byChannel.keys.sorted() {
            var head = [TimedMIDIEvent(tick: 0, .trackName(Self.trackName(channel)))]
            let kit = kitChannels.contains(channel)
            if kit != (channel == Self.generalMIDIDrumChannel) {
                head.append(TimedMIDIEvent(tick: 0, Self.rhythmPart(channel: channel, kit: kit)))
            }
            tracks.append(MIDITrack(events: head + byChannel[channel]!))
        }
        return MIDIFile(format: .multiTrack, ticksPerQuarter: time.ticksPerQuarter, tracks: tracks)
    }

    /// Channel 10 counted from one.
    static let generalMIDIDrumChannel: MIDIChannel = 9

    /// Roland GS "use for rhythm part" (address 40 1x 15: Map 1 for a kit, off for melodic),
    /// to every device (ID 7F). Part x numbers channels 1-9 as 1-9, channel 10 as 0, 11-16 as
    /// A-F.
    static func rhythmPart(channel: MIDIChannel, kit: Bool) -> MIDISysExEvent {
        let c = Int(channel.rawValue)
        let part = c == 9 ? 0 : (c < 9 ? c + 1 : c)
        let body: [UInt8] = [0x40, UInt8(0x10 | part), 0x15, kit ? 0x01 : 0x00]
        let checksum = UInt8((128 - body.reduce(0) { ($0 + Int($1)) } % 128) % 128)
        return MIDISysExEvent(message: [0xF0, 0x41, 0x7F, 0x42, 0x12] + body + [checksum, 0xF7])
    }

    public static func trackName(_ channel: MIDIChannel) -> String {
        if let part = PartID(rawValue: Int(channel.rawValue)) { return part.description }
        switch channel.rawValue {
        case 0: return "Right hand"
        case 1: return "Left hand"
        case 2: return "Metronome"
        default: return "Channel \(channel)"
        }
    }
}
