import MusicCore
import StyleEngine

/// Keeps what a render played, at exact frames, and writes it as a Standard MIDI File: the
/// band on Yamaha's channels (9-16), the player's right hand on 1 and left hand on 2, the
/// tempo, each chord change as a text event and each section as a marker.
struct BandRecorder {
    private(set) var events: [(frame: Int, event: MIDIEvent)] = []
    private(set) var meta: [(frame: Int, event: MIDIMetaEvent)] = []

    mutating func record(_ event: MIDIEvent, atFrame frame: Int) {
        switch event {
        case .noteOn, .noteOff, .controlChange, .programChange, .pitchBend, .channelPressure, .polyPressure:
            events.append((frame, event))
        default:
            break
        }
    }

    /// Several changes on one frame (keys of a chord read one by one) keep only the last.
    mutating func chordChanged(to chord: Chord?, atFrame frame: Int) {
        let text = MIDIMetaEvent.text(.text, chord?.symbol ?? "NC")
        if let i = meta.lastIndex(where: { $0.event.textKind == .text }), meta[i].frame == frame {
            meta[i].event = text
        } else {
            meta.append((frame, text))
        }
    }

    mutating func sectionStarted(_ name: String, atFrame frame: Int) {
        meta.append((frame, .marker(name)))
    }

    /// The recording as a format 1 file at Sideman's resolution: a conductor track (name,
    /// meter, tempo map, chords, sections), then one track per channel that played.
    func midiFile(title: String, meter: Meter, time: FrameTime) -> MIDIFile {
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
            tracks.append(MIDITrack(events: [TimedMIDIEvent(tick: 0, .trackName(Self.trackName(channel)))] + byChannel[channel]!))
        }
        return MIDIFile(format: .multiTrack, ticksPerQuarter: time.ticksPerQuarter, tracks: tracks)
    }

    static func trackName(_ channel: MIDIChannel) -> String {
        if let part = PartID(rawValue: Int(channel.rawValue)) { return part.description }
        switch channel.rawValue {
        case 0: return "Right hand"
        case 1: return "Left hand"
        case 2: return "Metronome"
        default: return "Channel \(channel)"
        }
    }
}
