import MusicCore

/// One event of the style's MIDI track at its absolute tick (file resolution): the part of
/// the Standard MIDI File the importer uses.
struct YamahaTrackEvent: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case midi(MIDIEvent)
        case marker(String)
        case tempo(Tempo)
        case timeSignature(numerator: Int, denominator: Int)
        case endOfTrack
    }
    var tick: Int
    var kind: Kind

    /// The events of every track of the file, merged in time order.
    static func events(of file: MIDIFile) -> [YamahaTrackEvent] {
        var events: [YamahaTrackEvent] = []
        events.reserveCapacity(file.tracks.reduce(0) { $0 + $1.events.count })
        for (_, timed) in file.mergedEvents {
            let kind: Kind
            switch timed.event {
            case .midi(let midi): kind = .midi(midi)
            case .meta(.tempo(let tempo)): kind = .tempo(tempo)
            case .meta(.timeSignature(let t)):
                kind = .timeSignature(numerator: Int(t.numerator), denominator: 1 << min(Int(t.denominatorPower), 6))
            case .meta(.endOfTrack): kind = .endOfTrack
            case .meta(let meta) where meta.textKind == .marker:
                kind = .marker((meta.textValue ?? "").trimmingCharacters(in: " "))
            default: continue
            }
            events.append(YamahaTrackEvent(tick: timed.tick, kind: kind))
        }
        return events
    }
}
