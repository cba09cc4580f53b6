import Foundation
import MusicCore
import StyleEngine

/// Reads a rendered MIDI file back as music: chord timeline, sections, notes with onsets.
struct RenderAnalysis {
    struct Note {
        var channel: Int
        var key: Int
        var onset: Tick
        var end: Tick?
    }

    let file: MIDIFile
    var chords: [(tick: Tick, symbol: String)] = []
    var markers: [(tick: Tick, name: String)] = []
    var notes: [Note] = []
    /// Note-ons on a key already sounding on its channel, and note-offs with no note-on.
    var doubleStarts = 0
    var strayEnds = 0

    init(_ file: MIDIFile) {
        self.file = file
        var open: [Int: Int] = [:]  // channel << 8 | key -> index in notes
        for (_, timed) in file.mergedEvents {
            switch timed.event {
            case .meta(let meta):
                if meta.textKind == .text { chords.append((timed.tick, meta.textValue ?? "")) }
                if meta.textKind == .marker { markers.append((timed.tick, meta.textValue ?? "")) }
            case .midi(let event):
                guard let channel = event.channel.map({ Int($0.rawValue) }) else { continue }
                if case .noteOn(_, let key, _) = event, event.isNoteOn {
                    let id = channel << 8 | key.intValue
                    if open[id] != nil { doubleStarts += 1 }
                    open[id] = notes.count
                    notes.append(Note(channel: channel, key: key.intValue, onset: timed.tick))
                } else if event.isNoteOff {
                    let key: Int
                    switch event {
                    case .noteOn(_, let k, _), .noteOff(_, let k, _): key = k.intValue
                    default: continue
                    }
                    let id = channel << 8 | key
                    if let index = open.removeValue(forKey: id) { notes[index].end = timed.tick } else { strayEnds += 1 }
                }
            case .sysEx:
                break
            }
        }
    }

    var unfinishedNotes: [Note] { notes.filter { $0.end == nil } }

    func notes(on part: PartID) -> [Note] { notes.filter { $0.channel == Int(part.channel.rawValue) } }

    /// The chord symbol sounding at a tick (the last change at or before it).
    func chord(at tick: Tick) -> String? { chords.last { $0.tick <= tick }?.symbol }

    /// The style's section playing at a tick (chart sections "[A]" and loop passes "Pass 2"
    /// are markers of their own).
    func section(at tick: Tick) -> String? { styleMarkers.last { $0.tick <= tick }?.name }

    var styleMarkers: [(tick: Tick, name: String)] { markers.filter { !$0.name.hasPrefix("[") && !$0.name.hasPrefix("Pass ") } }
}

/// Which pitch classes a chord allows in an accompaniment: its tones and its usual tensions.
enum Tensions {
    static func allowed(_ chord: Chord) -> Set<PitchClass> {
        let t = chord.type
        let intervals: [Int]
        switch t {
        case .dominant7, .sevenSus4, .sevenFlat5, .nine, .sevenSharp11, .thirteen, .sevenFlat9, .sevenFlat13, .sevenSharp9,
            .sevenSharp5:
            intervals = [1, 2, 3, 6, 8, 9]  // b9 9 #9 #11 b13 13
        case .minor, .minor6, .minor7, .minorAdd9, .minor9, .minor11, .minorMajor7, .minorMajor9:
            intervals = [2, 5, 9]  // 9 11 13
        case .minor7Flat5:
            intervals = [2, 5, 8]  // 9 11 b13
        case .diminished, .diminished7:
            intervals = [2, 5, 8, 11]  // a whole step above each tone
        default:
            intervals = [2, 6, 9, 11]  // major family: 9 #11 13 7
        }
        return chord.pitchClasses.union(intervals.map { chord.root.transposed(by: $0) })
    }
}
