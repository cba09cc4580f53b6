import Arranger
import FluidSynthOutput
import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

/// A style change at the next bar line: until then the old style plays on its own
/// instruments, from then on the new style on its own; the player's voices keep theirs. Checked
/// through real FluidSynth, asking it which preset each channel plays at every note-on.
@Suite struct StyleChangeProgramTests {
    /// The daemon's sink, asking the synthesizer at every note-on what the channel plays.
    struct CheckingSink: BandSink {
        var inner: LiveAudioState.SynthSink
        /// Start frame of the block being played.
        var base: Int64 = 0
        var notes: [(frame: Int64, channel: MIDIChannel, preset: SoundFontPreset?)] = []

        mutating func check(_ event: MIDIEvent, frame: Int64) {
            if case .noteOn(let channel, _, let velocity) = event, velocity.rawValue > 0 {
                notes.append((frame, channel, inner.synth.preset(on: channel)))
            }
        }
        mutating func play(_ event: MIDIEvent) {
            inner.play(event)
            check(event, frame: base)
        }
        mutating func playBand(_ event: BandEvent) {
            inner.playBand(event)
            check(event.event, frame: base + Int64(event.frame))
        }
    }

    /// The preset FluidSynth should play for `part` of `style` (with the synthesizer's own
    /// fallbacks for what the SoundFont lacks).
    static func expected(_ style: Style, _ part: PartID, in synth: Synthesizer) -> (bank: Int, program: Int) {
        guard let setup = style.parts[part] else { return (-1, -1) }
        let has = Set(synth.presets.map { [$0.bank, $0.program] })
        let program = Int(setup.program.rawValue)
        if setup.isDrumKit || [120, 126, 127].contains(setup.bankMSB.rawValue) {
            return has.contains([128, program]) ? (128, program) : (128, 0)
        }
        let msb = Int(setup.bankMSB.rawValue)
        if msb != 0, has.contains([msb, program]) { return (msb, program) }
        return has.contains([0, program]) ? (0, program) : (0, 0)
    }

    @Test(.enabled(if: LiveFixture.soundFont != nil, Comment(rawValue: LiveFixture.noSoundFont)))
    func everyNoteSoundsWithTheProgramItsStyleDeclares() throws {
        // The sink reads each note's program when the note is sent, and this test renders no
        // audio, so note-ons are not spread over blocks here (the spread keeps each channel's
        // order, programs included: VoiceStartSpreadTests).
        let state = try LiveFixture.state(styles: ["bossa-nova", "hard-rock"], loadSoundFont: true, voiceStartsPerBlock: 0) {
            $0.keyboard.leadProgram = 41  // violin
            $0.keyboard.leftProgram = 33  // acoustic bass
        }
        let old = state.band.styles[0].style, new = state.band.styles[1].style
        var sink = CheckingSink(inner: LiveAudioState.SynthSink(synth: state.synth, out: nil, frame: 0))
        var bars: [(n: Int, frame: Int64)] = []
        var changedAtBar: Int?
        func run(_ blocks: Int) {
            for _ in 0..<blocks {
                let base = sink.base
                state.band.advance(frames: 64, into: &sink) { notice in
                    if case .bar(let n, let f) = notice { bars.append((n, base + Int64(f))) }
                }
                sink.base += 64
            }
        }
        for key: UInt7 in [36, 40, 43] { state.band.receive(.noteOn(channel: 0, note: key, velocity: 90), atNanoseconds: 0, into: &sink) }
        run(48_000 * 3 / 64)
        // Half way through a bar: next style (A#3 on the control channel).
        state.band.receive(.noteOn(channel: 15, note: 54, velocity: 100), atNanoseconds: 0, into: &sink)
        changedAtBar = (bars.last?.n ?? 0) + 1
        state.band.receive(.noteOn(channel: 0, note: 72, velocity: 100), atNanoseconds: 0, into: &sink)
        run(48_000 * 4 / 64)
        state.band.receive(.noteOn(channel: 0, note: 76, velocity: 100), atNanoseconds: 0, into: &sink)
        run(10)

        let swapFrame = try #require(bars.first { $0.n == changedAtBar }?.frame)
        var wrong: [String] = []
        var checked = (old: 0, new: 0, lead: 0)
        for note in sink.notes {
            let got = note.preset.map { ($0.bank, $0.program) } ?? (-1, -1)
            if note.channel == 0 {
                checked.lead += 1
                if got != (0, 40) { wrong.append("lead note at frame \(note.frame) on \(got)") }
                continue
            }
            guard let part = PartID(rawValue: Int(note.channel.rawValue)) else { continue }
            let style = note.frame < swapFrame ? old : new
            if note.frame < swapFrame { checked.old += 1 } else { checked.new += 1 }
            let want = Self.expected(style, part, in: state.synth)
            if got != want { wrong.append("\(style.name) \(part) at frame \(note.frame): \(got), declared \(want)") }
        }
        #expect(checked.old > 20 && checked.new > 20 && checked.lead == 2, "\(checked)")
        #expect(wrong.isEmpty, "\(wrong.count) notes on the wrong instrument, first: \(wrong.prefix(5))")
        #expect(state.synth.preset(on: 1).map { [$0.bank, $0.program] } == [0, 32], "the left voice keeps its program")
    }
}
