import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

@Suite struct ControlEffectTests {
    @Test func togglesFollowTheState() {
        let stopped = ControlContext()
        let running = ControlContext(isRunning: true, syncStartArmed: true, currentMain: .c, mutedParts: [.bass])
        #expect(ControlAction.startStop.effect(in: stopped) == .arranger(.start))
        #expect(ControlAction.startStop.effect(in: running) == .arranger(.stop))
        #expect(ControlAction.toggleSyncStart.effect(in: stopped) == .arranger(.syncStart(true)))
        #expect(ControlAction.toggleSyncStart.effect(in: running) == .arranger(.syncStart(false)))
        #expect(ControlAction.fill.effect(in: running) == .arranger(.section(.fill(.c))))
        #expect(ControlAction.toggleMute(.bass).effect(in: running) == .arranger(.mute(.bass, false)))
        #expect(ControlAction.toggleMute(.pad).effect(in: running) == .arranger(.mute(.pad, true)))
        #expect(ControlAction.continue.effect(in: stopped) == .arranger(.start))
    }

    @Test func everyActionHasAnEffectSomewhere() {
        for action in ControlAction.mappable + [.selectStyle(3), .continue] {
            #expect(action.effect(in: ControlContext()) != nil, "\(action)")
        }
    }

    @Test func tempoStepsStopAtTheLimits() {
        #expect(ControlAction.tempoUp.effect(in: ControlContext(tempo: Tempo(bpm: 120)!)) == .arranger(.tempo(Tempo(bpm: 122)!)))
        #expect(ControlAction.tempoDown.effect(in: ControlContext(tempo: Tempo(bpm: 120)!)) == .arranger(.tempo(Tempo(bpm: 118)!)))
        #expect(ControlAction.tempoUp.effect(in: ControlContext(tempo: Tempo(bpm: 400)!)) == nil)
        #expect(ControlAction.tempoDown.effect(in: ControlContext(tempo: Tempo(bpm: 21)!)) == .arranger(.tempo(Tempo(bpm: 20)!)))
        #expect(ControlAction.tempoDown.effect(in: ControlContext(tempo: Tempo(bpm: 20)!)) == nil)
    }

    @Test func tapTempoAveragesAndResetsAfterAPause() {
        var t = TapTempo()
        let beat: UInt64 = 500_000_000  // 120 BPM
        #expect(t.tap(atNanoseconds: 1_000_000_000) == nil)
        #expect(t.tap(atNanoseconds: 1_000_000_000 + beat) == Tempo(bpm: 120))
        // A slightly late tap moves the average a little, not all the way.
        let third = t.tap(atNanoseconds: 1_000_000_000 + 2 * beat + 60_000_000)!
        #expect(third.bpm < 120 && third.bpm > 110)
        // After a long pause the count starts again.
        #expect(t.tap(atNanoseconds: 10_000_000_000) == nil)
        #expect(t.tap(atNanoseconds: 10_000_000_000 + 1_000_000_000) == Tempo(bpm: 60))
        // Taps faster than 400 BPM give nothing.
        var fast = TapTempo()
        _ = fast.tap(atNanoseconds: 0)
        #expect(fast.tap(atNanoseconds: 100_000_000) == nil)
    }
}
