import Arranger
import MusicCore
import Testing

@testable import SidemanDaemon

@Suite struct LiveOutputTests {
    private func blocks(_ state: LiveAudioState, _ n: Int) { for _ in 0..<n { state.block(64) } }

    @Test func theBandAndItsClockGoOutButNotTheLeadVoice() throws {
        let state = try LiveFixture.state()
        LiveFixture.push([.noteOn(channel: 0, note: 72, velocity: 100)] + LiveFixture.cMajor, to: state)
        blocks(state, 48_000 / 64)  // one second
        let out = LiveFixture.drainOut(state)
        let notes = out.filter { if case .noteOn = $0.event { true } else { false } }
        #expect(notes.count > 5, "\(notes.count) band notes in a second")
        #expect(notes.allSatisfy { ($0.event.channel?.intValue ?? 0) >= 8 }, "only the band's channels 9-16")
        #expect(!out.contains { $0.event == .noteOn(channel: 0, note: 72, velocity: 100) }, "the lead voice stays in")
        #expect(out.first { $0.event == .start || $0.event == .clock }?.event == .start)
        #expect(out.filter { $0.event == .clock }.count == 48, "one second at 120 BPM: 48 pulses")
        #expect(zip(out, out.dropFirst()).allSatisfy { $0.frame <= $1.frame }, "in time order")
    }

    @Test func bandOffLeavesOnlyTheClock() throws {
        let state = try LiveFixture.state { $0.out.band = false }
        LiveFixture.push(LiveFixture.cMajor, to: state)
        blocks(state, 200)
        let out = LiveFixture.drainOut(state)
        #expect(!out.isEmpty)
        #expect(out.allSatisfy { $0.event == .start || $0.event == .clock })
    }

    @Test func nothingGoesOutWhenBothAreOff() throws {
        let state = try LiveFixture.state {
            $0.out.band = false
            $0.clock.send = false
        }
        #expect(state.output == nil)
        LiveFixture.push(LiveFixture.cMajor, to: state)
        blocks(state, 200)
        #expect(state.band.engine.status.isRunning)
    }

    /// On shutdown every note the band started on `out` is ended there too, and Stop follows.
    @Test func shutdownEndsEveryNoteOnOut() throws {
        let state = try LiveFixture.state()
        LiveFixture.push(LiveFixture.cMajor, to: state)
        blocks(state, 3000)
        state.stopRequested.store(true, ordering: .releasing)
        blocks(state, 2)
        let silenced = state.silenced.load(ordering: .acquiring)
        #expect(silenced)
        var open: [Int: Int] = [:]
        for m in LiveFixture.drainOut(state) {
            switch m.event {
            case .noteOn(let c, let n, let v) where v.rawValue > 0: open[c.intValue * 128 + n.intValue, default: 0] += 1
            case .noteOn(let c, let n, _), .noteOff(let c, let n, _): open[c.intValue * 128 + n.intValue, default: 0] -= 1
            case .stop: open[-1] = 0
            default: break
            }
        }
        #expect(open[-1] == 0, "Stop went out")
        #expect(open.filter { $0.value != 0 }.isEmpty, "notes left sounding on out: \(open.filter { $0.value != 0 })")
    }

    /// Following: a 100 BPM clock from outside sets the band's tempo.
    @Test func followingAnExternalClockSetsTheTempo() throws {
        let state = try LiveFixture.state { $0.clock.follow = true }
        LiveFixture.push(LiveFixture.cMajor, to: state)
        let period = 60e9 / (100 * 24)
        var t = 1e9
        for _ in 0..<200 {
            LiveFixture.push([.clock], to: state, atNanoseconds: UInt64(t))
            t += period
            state.block(64)
        }
        #expect(abs(state.band.engine.status.tempo.bpm - 100) < 0.11, "\(state.band.engine.status.tempo)")
    }

    @Test func notFollowingKeepsTheStyleTempo() throws {
        let state = try LiveFixture.state()
        var t = 1e9
        for _ in 0..<200 {
            LiveFixture.push([.clock], to: state, atNanoseconds: UInt64(t))
            t += 60e9 / (100 * 24)
            state.block(64)
        }
        #expect(state.band.engine.status.tempo == Tempo(bpm: 120))
    }

    /// Reloading with `[out] band = false` ends the band's notes out there and sends no more;
    /// `[clock] follow = true` starts following.
    @Test func aReloadChangesWhatGoesOut() throws {
        let state = try LiveFixture.state()
        LiveFixture.push(LiveFixture.cMajor, to: state)
        blocks(state, 1000)
        _ = LiveFixture.drainOut(state)
        var config = SidemanConfig()
        config.style.tempo = 120
        config.out.band = false
        config.clock.follow = true
        state.reconfigurations.push(LiveReconfiguration(config: config, styles: [LiveStyle(try LiveFixture.style("bossa-nova"))], styleIndex: 0))
        blocks(state, 1000)
        let out = LiveFixture.drainOut(state)
        let allOff = out.filter { if case .controlChange(_, 123, 0) = $0.event { true } else { false } }
        #expect(allOff.count == 8, "All Notes Off on the eight band channels")
        #expect(!out.contains { if case .noteOn = $0.event { true } else { false } }, "no band notes after")
        #expect(out.contains { $0.event == .clock }, "the clock goes on")
        #expect(state.following)
    }
}
