import ALSASequencer
import Arranger
import MusicCore
import Testing

@testable import Arranger
@testable import SidemanDaemon

/// A flood of input cannot hold the audio thread: each block plays a bounded number of input
/// events (the reader refills the ring while the block drains it), and a backlog left by an
/// outage stays stale until it is gone, however many blocks that takes.
@Suite struct InputBoundTests {
    static func push(_ event: MIDIEvent, to state: LiveAudioState) {
        state.input.push(InputEvent(
            source: SequencerAddress(client: 20, port: 0), event: event, receivedNanoseconds: UInt64(CallbackTimer.now())))
    }

    @Test func aBlockPlaysABoundedShareOfAFlood() throws {
        let state = try LiveFixture.state()
        state.block(64)
        for i in 0..<200 {
            let key = UInt7(60 + (i / 2) % 30)!
            Self.push(i % 2 == 0 ? .noteOn(channel: 0, note: key, velocity: 90) : .noteOff(channel: 0, note: key, velocity: 0), to: state)
        }
        state.block(64)
        #expect(state.input.count == 200 - LiveAudioState.inputPerBlock, "one block took \(200 - state.input.count) events")
        var blocks = 1
        while state.input.count > 0 && blocks < 100 {
            state.block(64)
            blocks += 1
        }
        #expect(blocks == (200 + LiveAudioState.inputPerBlock - 1) / LiveAudioState.inputPerBlock, "the rest follows in the next blocks")
        #expect(InputLossTests.sounding(state).isEmpty, "every key pressed was released")
    }

    /// A flood keeps the ring full while the audio thread goes on: what waits beyond the
    /// backlog limit is stale (only its releases play), so the latest keys are not held up.
    @Test func aFloodsBacklogBeyondTheLimitPlaysOnlyItsReleases() throws {
        let state = try LiveFixture.state()
        Self.push(.noteOn(channel: 0, note: 74, velocity: 90), to: state)
        state.block(64)
        #expect(InputLossTests.sounding(state) == [74])
        let noise = MIDIEvent.controlChange(channel: 0, controller: MIDIController.modulation, value: 10)
        Self.push(.noteOff(channel: 0, note: 74, velocity: 0), to: state)
        for _ in 0..<500 { Self.push(noise, to: state) }
        Self.push(.noteOn(channel: 0, note: 72, velocity: 90), to: state)  // deep in the backlog
        for _ in 0..<300 { Self.push(noise, to: state) }
        Self.push(.noteOn(channel: 0, note: 79, velocity: 90), to: state)  // the latest key
        var blocks = 0
        while state.input.count > 0 && blocks < 100 {
            state.block(64)
            blocks += 1
        }
        #expect(InputLossTests.sounding(state) == [79], "the release played, the stale press did not, the latest key did")
        #expect(blocks <= LiveAudioState.backlogLimit / LiveAudioState.inputPerBlock + 2, "the latest key waited \(blocks) blocks")
    }

    /// More releases piled up in an outage than one block plays: the backlog's presses after
    /// them are still stale in the next block, and never sound.
    @Test func aBacklogLongerThanABlockStaysStale() throws {
        let state = try LiveFixture.state()
        let held = (0..<40).map { UInt7(60 + $0)! }
        for key in held { Self.push(.noteOn(channel: 0, note: key, velocity: 90), to: state) }
        state.block(64)
        state.block(64)
        #expect(InputLossTests.sounding(state).count == 40)
        // The audio stood still for 2 s: the 40 keys were released, three others pressed.
        for key in held { Self.push(.noteOff(channel: 0, note: key, velocity: 0), to: state) }
        for key: UInt7 in [101, 103, 105] { Self.push(.noteOn(channel: 0, note: key, velocity: 90), to: state) }
        state.timer.anchorNanoseconds = CallbackTimer.now() - 2_000_000_000
        state.timer.framesSinceAnchor = 64
        state.block(64)
        #expect(state.input.count > 0, "the releases take more than one block")
        state.block(64)
        state.block(64)
        #expect(state.input.count == 0)
        #expect(InputLossTests.sounding(state).isEmpty, "every release played, no stale press sounds")
        // Fresh input plays again.
        Self.push(.noteOn(channel: 0, note: 72, velocity: 90), to: state)
        state.block(64)
        #expect(InputLossTests.sounding(state) == [72])
    }

    @Test func aStaleBacklogStillLiftsThePedalsAndEndsSound() {
        let cc = { (controller: UInt7, value: UInt7) in MIDIEvent.controlChange(channel: 0, controller: controller, value: value) }
        #expect(cc(MIDIController.sustain, 0).isRelease)
        #expect(!cc(MIDIController.sustain, 127).isRelease)
        #expect(cc(MIDIController.sostenuto, 0).isRelease)
        #expect(!cc(MIDIController.sostenuto, 127).isRelease)
        #expect(cc(MIDIController.allSoundOff, 0).isRelease)
        #expect(cc(MIDIController.allNotesOff, 0).isRelease)
        #expect(!cc(MIDIController.modulation, 0).isRelease)
        #expect(MIDIEvent.noteOn(channel: 0, note: 60, velocity: 0).isRelease)
        #expect(!MIDIEvent.noteOn(channel: 0, note: 60, velocity: 1).isRelease)
        #expect(MIDIEvent.pitchBend(channel: 0, value: .center).isRelease)
        #expect(!MIDIEvent.pitchBend(channel: 0, value: UInt14(rawValue: 0)!).isRelease)
    }
}
