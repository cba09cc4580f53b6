import Arranger
import MusicCore
import StyleEngine

/// Turns the bars of a practice plan into what the arranger engine is told, bar by bar: the
/// tempo when it changes, the main section of each pass (through its fill), section markers,
/// the band muted for a chord break and back, and each chord change. One conductor serves
/// the offline render and the live chart mode alike: ask for a bar's cues before it starts
/// (off the audio thread), and send each at its tick on the sample clock.
public struct PracticeConductor: Sendable {
    public enum Cue: Hashable, Sendable {
        case command(ArrangerCommand)
        /// A click of the count-in or the metronome (a MIDI event of its own, not the engine's).
        case click(MIDIEvent)
        /// A chart section ("[A]") or a loop pass ("Pass 2") starts.
        case marker(String)
    }

    /// The clicks (count-in and metronome) sound on channel 3 with a drum kit, apart from
    /// the band's drums so that either can be muted on its own.
    public static let clickChannel: MIDIChannel = 2
    /// Side stick; the downbeat louder.
    public static let clickNote: UInt7 = 37

    public let plan: PracticePlan
    public let meter: Meter
    let mains: [SectionID.MainVariation]
    let parts: [PartID]
    let changeMains: Bool
    /// What the band plays now (nil inside: no chord), as far as the cues so far say.
    public private(set) var sounding: Chord??
    private(set) var muted = false
    private(set) var tempo: Tempo

    /// `minusOne`: the parts the player plays, left muted (a chord break does not touch them).
    public init(plan: PracticePlan, style: Style, minusOne: Set<PartID> = []) throws(PracticeError) {
        self.plan = plan
        meter = style.meter
        mains = SectionID.MainVariation.allCases.filter { style.sections[.main($0)] != nil }
        guard !mains.isEmpty else { throw PracticeError("style '\(style.name)' has no Main section") }
        parts = PartID.allCases.filter { style.parts[$0] != nil && !minusOne.contains($0) }
        changeMains = mains.count > 1 && plan.pass.count >= 8
        sounding = nil
        tempo = plan.bar(0)?.tempo ?? plan.tempo
    }

    /// The main the band starts on.
    public var firstMain: SectionID.MainVariation { mains[0] }

    /// The first chord the song plays (what the band is given as it starts).
    public var firstChord: Chord? { plan.bar(0)?.changes.lazy.compactMap(\.chord).first }

    /// The band was started with `chord` sounding (nil for a count-in on the drums alone).
    public mutating func started(with chord: Chord?) { sounding = .some(chord) }

    /// The cues of a bar, at ticks from its start (a section change for a later pass comes
    /// half way through this bar, so that the fill plays the bar before the new pass).
    public mutating func cues(for bar: PracticeBar) -> [(offset: Tick, cue: Cue)] {
        let length = meter.ticksPerBar()
        var cues: [(offset: Tick, cue: Cue)] = []
        if bar.tempo != tempo {
            tempo = bar.tempo
            cues.append((0, .command(.tempo(tempo))))
        }
        if bar.startsPass, plan.settings.loop != nil { cues.append((0, .marker("Pass \(bar.pass + 1)"))) }
        if bar.startsSection, let name = bar.section { cues.append((0, .marker("[\(name)]"))) }
        if bar.bandPlays == muted {
            muted = !bar.bandPlays
            for part in parts { cues.append((0, .command(.mute(part, muted)))) }
        }
        let before = sounding
        var changed: [(offset: Tick, chord: Chord?)] = []
        for change in bar.changes where sounding != .some(change.chord) {
            // A push on a bar line was played at the end of the bar before; one inside the bar
            // comes an eighth ahead of its beat.
            if change.pushed, change.offset > 0 {
                let at = max(changed.last.map { $0.offset + 1 } ?? 0, change.offset - Self.pushLead)
                cues.append((at, .command(.push(change.chord))))
                changed.append((at, change.chord))
            } else {
                cues.append((change.offset, .command(.chord(change.chord))))
                changed.append((change.offset, change.chord))
            }
            sounding = .some(change.chord)
        }
        if let following = plan.bar(bar.index + 1), let first = following.changes.first, first.offset == 0, first.pushed,
            sounding != .some(first.chord)
        {
            let at = length - Self.pushLead
            cues.append((at, .command(.push(first.chord))))
            changed.append((at, first.chord))
            sounding = .some(first.chord)
        }
        cues += upcoming(in: bar, changed: changed, before: before)
        if changeMains, let ahead = plan.bar(bar.index + 2), ahead.startsPass, ahead.pass > 0 {
            let main = mains[ahead.pass % mains.count]
            if main != mains[(ahead.pass - 1) % mains.count] { cues.append((length / 2, .command(.section(.main(main))))) }
        }
        return cues
    }

    /// After the last bar: the band unmuted if a break was sounding.
    public mutating func finish() -> [Cue] {
        guard muted else { return [] }
        muted = false
        return parts.map { .command(.mute($0, false)) }
    }

    /// A click on every beat of one bar, at ticks from its start, the downbeat louder.
    public func clicks() -> [(offset: Tick, cue: Cue)] {
        let beat = meter.ticksPerBeat()
        return (0..<meter.beatsPerBar).flatMap { b -> [(offset: Tick, cue: Cue)] in
            let velocity: UInt7 = b == 0 ? 120 : 85
            return [
                (b * beat, .click(.noteOn(channel: Self.clickChannel, note: Self.clickNote, velocity: velocity))),
                (b * beat + beat / 2, .click(.noteOff(channel: Self.clickChannel, note: Self.clickNote, velocity: 0))),
            ]
        }
    }
}
