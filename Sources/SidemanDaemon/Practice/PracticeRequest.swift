import MusicCore
import Practice
import StyleEngine

/// A song and how to practise it, as `sideman play`, a setlist line and the web remote give
/// it: the same words as `sideman render` (loop, ramp, keys …), kept as written and checked
/// with one clear line each by `settings()`. Codable: it travels as JSON over the control
/// socket.
public struct PracticeRequest: Codable, Hashable, Sendable {
    /// A song's name (`sideman charts list`) or a chart file's path.
    public var song: String
    public var tempo: Double?
    /// Play the song in this key ("Bb", "Ebm"): a constant move from its written key.
    public var key: String?
    /// "5-8", "5-8x4", "B", "Bx3": bars or a section, N times or (without xN) endlessly.
    public var loop: String?
    /// "100:160:+10".
    public var ramp: String?
    /// "fourths", "fifths", "chromatic", "random[:SEED]", "C,F,Bb".
    public var keys: String?
    public var countIn: Int?
    public var countInDrums: Bool?
    public var metronome: Bool?
    /// "2:8": the band rests 2 bars in every 8.
    public var breaks: String?
    /// The chord display for a transposing instrument: "C", "Bb", "Eb", "F".
    public var display: String?
    public var intro: Bool?
    public var ending: Bool?
    public var choruses: Int?
    /// Parts the player plays (minus-one): "bass", "chord1" …
    public var mute: [String]?
    /// Part volumes 0…127: "bass=60".
    public var volume: [String]?

    public init(song: String) { self.song = song }

    /// The practice settings, each option checked (one line naming it and what it takes).
    public func settings(home: ChartKey?) throws(PracticeError) -> PracticeSettings {
        var s = PracticeSettings()
        if let choruses {
            guard choruses >= 1 else { throw PracticeError("choruses: give 1 or more") }
            s.choruses = choruses
        }
        s.intro = intro ?? false
        s.ending = ending ?? false
        let bars = countIn ?? 0
        guard (0...2).contains(bars) else { throw PracticeError("count-in \(bars): give 0, 1 or 2 bars") }
        s.countIn = CountIn(bars: bars, kind: countInDrums == true ? .drums : .clicks)
        s.metronome = metronome ?? false
        if let loop {
            guard let l = PracticeLoop(loop) else {
                throw PracticeError("loop \"\(loop)\": give bars or a section, and how many times if not endlessly: 5-8, 5-8x4, B x3")
            }
            s.loop = l
        }
        if let ramp {
            guard let r = TempoRamp(ramp) else { throw PracticeError("ramp \"\(ramp)\": give A:B:+N in BPM (20...400), e.g. 100:160:+10") }
            s.ramp = r
        }
        if let keys {
            guard key == nil else { throw PracticeError("give a key or a key cycle, not both") }
            guard let k = KeyCycle(keys) else {
                throw PracticeError("keys \"\(keys)\": give fourths, fifths, chromatic, random[:SEED] or keys such as C,F,Bb")
            }
            s.keys = k
        }
        if let key {
            guard let k = ChartKey(key) else { throw PracticeError("key \"\(key)\": not a key (e.g. F, Bb, C#m)") }
            // The cycle's list moves the home key to this one, every pass.
            s.keys = .list([k.tonic])
            _ = home
        }
        if let breaks {
            let parts = breaks.split(separator: ":")
            guard parts.count == 2, let n = Int(parts[0]), let m = Int(parts[1]), let b = ChordBreaks(rest: n, every: m) else {
                throw PracticeError("breaks \"\(breaks)\": give N:M, the band resting N bars in every M (N < M), e.g. 2:8")
            }
            s.breaks = b
        }
        if let display {
            guard let d = TransposingInstrument(name: display) else { throw PracticeError("display \"\(display)\": give C, Bb, Eb or F") }
            s.display = d
        }
        return s
    }

    /// The tempo asked for, checked.
    public func checkedTempo() throws(PracticeError) -> Tempo? {
        guard let tempo else { return nil }
        guard let t = Tempo(bpm: tempo) else { throw PracticeError("tempo \(tempo): give 20...400 BPM") }
        return t
    }

    /// The parts muted, checked.
    public func mutedParts() throws(PracticeError) -> Set<PartID> {
        var parts = Set<PartID>()
        for name in mute ?? [] {
            guard let part = PartID(key: name) else { throw PracticeError("mute \(name): not a part (\(PartID.allCases.map(\.key).joined(separator: ", ")))") }
            parts.insert(part)
        }
        return parts
    }

    /// The part volumes, checked ("bass=60").
    public func partVolumes() throws(PracticeError) -> [PartID: UInt7] {
        var volumes: [PartID: UInt7] = [:]
        for item in volume ?? [] {
            let pair = item.split(separator: "=")
            guard pair.count == 2, let part = PartID(key: pair[0]), let n = Int(pair[1]), let v = UInt7(n) else {
                throw PracticeError("volume \(item): give PART=0...127, e.g. bass=60")
            }
            volumes[part] = v
        }
        return volumes
    }
}
