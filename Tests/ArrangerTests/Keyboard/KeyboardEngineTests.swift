import ChordRecognition
import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// The keyboard processor driving a real engine: its commands start, steer and stop the band.
@Suite struct KeyboardEngineTests {
    struct Live {
        var keyboard: KeyboardProcessor
        var engine = ArrangerEngine(style: TestStyles.pop(), sampleRate: 48_000)
        var time: Int64 = 0
        var bandNoteOns = 0

        init(_ configure: (inout KeyboardSettings) -> Void = { _ in }) {
            var s = KeyboardSettings()
            configure(&s)
            keyboard = KeyboardProcessor(settings: s, sampleRate: 48_000)
        }

        mutating func play(_ names: String, down: Bool) {
            var commands: [ArrangerCommand] = []
            for n in names.split(separator: " ") {
                let note = NoteName.parse(n)!
                let event: MIDIEvent = down ? .noteOn(channel: 0, note: note, velocity: 100) : .noteOff(channel: 0, note: note, velocity: 0)
                keyboard.receive(event, at: time) { if case .command(let c, _) = $0 { commands.append(c) } }
            }
            for c in commands { engine.send(c) }
        }

        /// Runs the band for `frames` samples in 64-sample blocks, feeding due chords first.
        mutating func run(_ frames: Int) {
            var left = frames
            while left > 0 {
                var commands: [ArrangerCommand] = []
                keyboard.advance(to: time) { if case .command(let c, _) = $0 { commands.append(c) } }
                for c in commands { engine.send(c) }
                var ons = 0
                engine.advance(frames: 64, emit: { if $0.event.isNoteOn { ons += 1 } }, notify: { _ in })
                bandNoteOns += ons
                time += 64
                left -= 64
            }
        }
    }

    @Test func syncStartArmedOnTheEngineStartsOnTheFirstChord() {
        var live = Live()
        live.engine.send(.syncStart(true))
        live.keyboard.armSyncStart(true)
        live.run(4800)
        #expect(!live.engine.status.isRunning)
        live.play("C2 E2 G2", down: true)
        live.run(48_000)
        #expect(live.engine.status.isRunning)
        #expect(live.engine.status.chord == Chord(root: .c, type: .major))
        #expect(live.bandNoteOns > 0)
    }

    @Test func syncStopThenTheSameChordStartsAgain() {
        var live = Live { $0.syncStop = true }
        live.keyboard.armSyncStart(true)
        live.engine.send(.syncStart(true))
        live.play("A2 C3 E2", down: true)
        live.run(24_000)
        #expect(live.engine.status.isRunning)
        #expect(live.engine.status.chord == Chord(root: .a, type: .minor))
        live.play("A2 C3 E2", down: false)
        live.run(4800)
        #expect(!live.engine.status.isRunning)
        #expect(live.engine.status.isSyncStartArmed)
        live.play("A2 C3 E2", down: true)
        live.run(4800)
        #expect(live.engine.status.isRunning)
    }

    @Test func transposeAndCancelReachTheBand() {
        var live = Live { $0.transpose = -3 }
        live.engine.send(.start)
        live.play("F2 A2 C3", down: true)
        live.run(9600)
        #expect(live.engine.status.chord == Chord(root: .d, type: .major))
        live.play("F2 A2 C3", down: false)
        live.play("C2 C#2 D2", down: true)
        live.run(9600)
        #expect(live.engine.status.chord == nil)
        #expect(live.engine.status.isRunning)
    }

    @Test func aLoneKeyReachesTheBandAfterTheSettleWindow() {
        var live = Live()
        live.engine.send(.start)
        live.play("G2", down: true)
        live.run(64)
        #expect(live.engine.status.chord == nil)
        live.run(960)
        #expect(live.engine.status.chord == Chord(root: .g, type: .onePlusEight))
    }
}
