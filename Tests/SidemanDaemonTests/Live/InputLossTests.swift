import ALSASequencer
import Arranger
import MusicCore
import Testing

@testable import Arranger
@testable import SidemanDaemon

/// Input lost on its way in (the kernel's buffer or the reader's ring overflowed) or piled up
/// while the audio stood still: no lead note may stay stuck, and a backlog is not replayed.
@Suite struct InputLossTests {
    static func sounding(_ state: LiveAudioState) -> [Int] {
        state.band.keyboard.sounding.indices.filter { state.band.keyboard.sounding[$0] != KeyboardProcessor.silent }
    }

    static func push(_ event: MIDIEvent, to state: LiveAudioState, lostBefore: Bool = false) {
        state.input.push(InputEvent(
            source: SequencerAddress(client: 20, port: 0), event: event, receivedNanoseconds: UInt64(CallbackTimer.now()),
            lostBefore: lostBefore))
    }

    @Test func afterALossTheLeadNotesHeldBeforeItAreReleased() throws {
        let state = try LiveFixture.state()
        Self.push(.noteOn(channel: 0, note: 72, velocity: 100), to: state)
        Self.push(.noteOn(channel: 0, note: 76, velocity: 100), to: state)
        state.block(64)
        #expect(Self.sounding(state) == [72, 76])
        // The note-offs of 72 and 76 were lost in an overrun; the next event says so.
        Self.push(.noteOn(channel: 0, note: 79, velocity: 100), to: state, lostBefore: true)
        state.block(64)
        #expect(Self.sounding(state) == [79], "only what was pressed after the loss sounds")
    }

    @Test func aBacklogFromAnAudioOutageIsNotReplayed() throws {
        let state = try LiveFixture.state()
        state.block(64)
        // The audio stood still for 2 s while the player went on.
        for key: UInt7 in [72, 74, 76] { Self.push(.noteOn(channel: 0, note: key, velocity: 100), to: state) }
        Self.push(.noteOff(channel: 0, note: 72, velocity: 0), to: state)
        LiveFixture.push(LiveFixture.cMajor, to: state)
        state.timer.anchorNanoseconds = CallbackTimer.now() - 2_000_000_000
        state.timer.framesSinceAnchor = 64
        state.block(64)
        #expect(state.input.count == 0, "the backlog is gone")
        #expect(Self.sounding(state).isEmpty, "no note of the backlog sounds")
        #expect(!state.band.engine.status.isRunning, "the backlog's chord did not start the band")
        // Back to normal: the next keys play.
        LiveFixture.push(LiveFixture.cMajor, to: state, atNanoseconds: UInt64(CallbackTimer.now()))
        for _ in 0..<4 { state.block(64) }
        #expect(state.band.engine.status.isRunning)
    }
}
