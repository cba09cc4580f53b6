import ALSASequencer
import Arranger
import FluidSynthOutput
import MusicCore
import Testing

@testable import SidemanDaemon

/// A MIDI flood through the real input path, offline: the reader's producer end
/// (`InputDelivery`, with the kernel's overruns and the full ring it meets), the ring, the
/// audio block that plays at most its share of it, and FluidSynth itself. Whatever is lost on
/// the way, once the flood is over no key the player has let go still sounds: FluidSynth is
/// asked which keys it holds, not the keyboard processor's own bookkeeping.
@Suite struct InputFloodTests {
    /// xorshift64*: the same flood on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    /// The flood of e2e/scenarios/flood, `perMillisecond` events a millisecond: keys of both
    /// hands released within 20 ms, modulation and expression, the sustain pedal toggling,
    /// pitch bend, and section and tempo keys on the control channel. Index: millisecond.
    static func flood(milliseconds: Int, perMillisecond: Int = 20) -> [[MIDIEvent]] {
        var random = Random(state: 13)
        var due = [[MIDIEvent]](repeating: [], count: milliseconds + 25)
        var heldUntil = [Int](repeating: -1, count: 128)
        var sustain = false
        for ms in 0..<milliseconds {
            var n = 0
            while n < perMillisecond {
                let kind = random.unit()
                if kind < 0.5 {
                    let key = kind < 0.2 ? random.int(36...53) : random.int(60...96)
                    if heldUntil[key] >= ms { continue }
                    let off = ms + random.int(1...20)
                    heldUntil[key] = off
                    due[ms].append(.noteOn(channel: 0, note: UInt7(rawValue: UInt8(key))!, velocity: UInt7(clamping: random.int(20...127))))
                    due[off].append(.noteOff(channel: 0, note: UInt7(rawValue: UInt8(key))!, velocity: 64))
                    n += 2
                } else if kind < 0.8 {
                    let cc = kind < 0.65 ? MIDIController.modulation : MIDIController.expression
                    due[ms].append(.controlChange(channel: 0, controller: cc, value: UInt7(clamping: random.int(0...127))))
                    n += 1
                } else if kind < 0.85 {
                    sustain.toggle()
                    due[ms].append(.controlChange(channel: 0, controller: MIDIController.sustain, value: sustain ? 127 : 0))
                    n += 1
                } else if kind < 0.95 {
                    due[ms].append(.pitchBend(channel: 0, value: UInt14(clamping: random.int(0...16383))))
                    n += 1
                } else {
                    let key = UInt7(clamping: [41, 42, 43, 44, 45, 51, 52][random.int(0...6)])
                    due[ms].append(.noteOn(channel: 15, note: key, velocity: 100))
                    due[ms].append(.noteOff(channel: 15, note: key, velocity: 0))
                    n += 2
                }
            }
        }
        return due
    }

    static let keyboard = SequencerAddress(client: 20, port: 0)

    /// Keys FluidSynth still sounds on the player's channels (the lead, and the left voice's).
    static func handKeys(_ state: LiveAudioState) -> [Synthesizer.SoundingKey] {
        let settings = state.band.keyboard.settings
        return state.synth.soundingKeys(on: [settings.leadChannel, settings.leftChannel])
    }

    /// One 64-frame block as the driver runs it: the band, then FluidSynth renders. The timer
    /// is re-anchored so that a slow test machine never looks like an audio outage.
    static func block(_ state: LiveAudioState, _ buffer: inout [Float]) {
        state.timer.anchorNanoseconds = -1
        state.block(64)
        buffer.withUnsafeMutableBufferPointer { _ = state.synth.render(into: $0) }
    }

    @Test func afterAFloodWithLossesNoReleasedKeySounds() throws {
        guard LiveFixture.soundFont != nil else {
            print(LiveFixture.noSoundFont)
            return
        }
        // An organ lead: it sounds as long as a key (or the pedal) holds it, and stops within
        // its short release once let go, so that whatever still plays a second later is stuck.
        let state = try LiveFixture.state(loadSoundFont: true) { $0.keyboard.leadProgram = 17 }
        var delivery = InputDelivery(ring: state.input)
        var buffer = [Float](repeating: 0, count: 2 * 64)
        let floodMilliseconds = 2_000
        let flood = Self.flood(milliseconds: floodMilliseconds)
        var lines: [SequencerNotice] = []
        var overruns = 0, refusedBefore = state.input.refusedCount
        var frames = 0  // audio frames due so far (48 a millisecond)
        var rendered = 0
        var skipped = 0  // events the "kernel" dropped in an overrun, still to drop
        for (ms, events) in flood.enumerated() {
            let now = UInt64(ms) * 1_000_000
            for event in events {
                if skipped > 0 {
                    skipped -= 1
                    continue
                }
                if let line = delivery.deliver(InputEvent(source: Self.keyboard, event: event, receivedNanoseconds: now)) { lines.append(line) }
            }
            // The kernel's buffer overflows every 97 ms: the next 40 events are gone.
            if ms % 97 == 50 {
                skipped = 40
                overruns += 1
                if let line = delivery.overrun(atNanoseconds: now) { lines.append(line) }
            }
            // The audio thread keeps up in periods of four blocks, but stalls 80 ms every
            // quarter second (the ring overflows meanwhile), then catches up.
            frames += 48
            if ms % 250 >= 170 && ms % 250 < 250 { continue }
            while rendered + 256 <= frames {
                for _ in 0..<4 { Self.block(state, &buffer) }
                rendered += 256
            }
        }
        #expect(state.input.refusedCount > refusedBefore, "the stalls overflowed the ring")
        #expect(overruns > 10)
        // The flood's last moment: the pedal goes down, two keys sound under it, and then an
        // overrun swallows their note-offs and the pedal's release. Nothing follows.
        let now = UInt64(flood.count) * 1_000_000
        for event: MIDIEvent in [.controlChange(channel: 0, controller: MIDIController.sustain, value: 127),
            .noteOn(channel: 0, note: 70, velocity: 100), .noteOn(channel: 0, note: 75, velocity: 100)]
        {
            _ = delivery.deliver(InputEvent(source: Self.keyboard, event: event, receivedNanoseconds: now))
        }
        for _ in 0..<20 { Self.block(state, &buffer) }
        #expect(Self.handKeys(state).map(\.key).contains(75), "the last key sounds")
        _ = delivery.overrun(atNanoseconds: now + 1_000_000)
        // The input goes quiet: the reader's wait times out and it tells the consumer.
        #expect(delivery.waitMilliseconds(atNanoseconds: now + 2_000_000) == InputDelivery.retryMilliseconds)
        delivery.tellLoss(source: SequencerAddress(client: 128, port: 0), atNanoseconds: now + 7_000_000)
        #expect(!delivery.lossPending)
        for _ in 0..<750 { Self.block(state, &buffer) }  // a second: every release has ended
        #expect(state.input.count == 0)
        #expect(Self.handKeys(state).isEmpty, "keys still held by FluidSynth after the flood: \(Self.handKeys(state))")
        #expect(InputLossTests.sounding(state).isEmpty)
        // The journal heard of it, in a few lines for two seconds of losses.
        #expect(!lines.isEmpty && lines.count <= 3, "\(lines.count) lines: \(lines)")
    }
}
