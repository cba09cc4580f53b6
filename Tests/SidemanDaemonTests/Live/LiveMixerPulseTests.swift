import AllocationCounting
import Arranger
import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

/// What a remote shows of the band comes from the audio thread's own path (LiveAudioState.block):
/// a part's mute and volume set from the mixer, and the bar and beat in arranger mode, published
/// through atomics without allocating.
@Suite struct LiveMixerPulseTests {
    @Test func aPartsMuteAndVolumeReachTheBandAndThePulse() throws {
        let state = try LiveFixture.state()
        for _ in 0..<10 { state.block(64) }
        #expect(!state.pulse.isMuted(.bass))
        state.chartRequests.push(.part(.bass, mute: true, volume: 50))
        state.chartRequests.push(.part(.pad, mute: nil, volume: 101))
        let allocations = AllocationCounter.count { for _ in 0..<4 { state.block(64) } }
        #expect(allocations == 0, "\(allocations) allocations for a mute and two volumes")
        #expect(state.pulse.isMuted(.bass))
        #expect(!state.pulse.isMuted(.pad))
        #expect(state.pulse.volume(of: .bass) == 50)
        #expect(state.pulse.volume(of: .pad) == 101)
        #expect(state.band.mutedParts.contains(.bass), "the band's own controls see the mute too")
        let parts = PartStatus.all(from: state.pulse)
        #expect(parts.map(\.part) == PartID.allCases.map(\.key))
        #expect(parts.first { $0.part == "bass" } == PartStatus(part: "bass", name: "Bass", muted: true, volume: 50))
        state.chartRequests.push(.part(.bass, mute: false, volume: nil))
        for _ in 0..<2 { state.block(64) }
        #expect(!state.pulse.isMuted(.bass))
        #expect(state.pulse.volume(of: .bass) == 50)
    }

    /// A style's setup (boot, or a style change) sets the volumes the mixer starts from.
    @Test func theStylesSetupGivesTheVolumes() throws {
        let pulse = AudioPulse()
        let style = try LiveFixture.style("bossa-nova")
        for event in ArrangerEngine(style: style, sampleRate: 48_000).setupEvents() { pulse.note(event) }
        for part in PartID.allCases {
            #expect(pulse.volume(of: part) == style.parts[part].map { Int($0.volume.rawValue) }, "\(part)")
        }
    }

    /// Arranger mode: bars since start and the beat, from the engine, every block.
    @Test func barAndBeatFollowTheBandInArrangerMode() throws {
        let state = try LiveFixture.state()  // 120 BPM, 4/4: a beat every 24 000 frames
        #expect(state.pulse.bar.load(ordering: .relaxed) == -1)
        state.chartRequests.push(.control(.start))
        var frames = 0
        func play(seconds: Double) {
            let target = Int(seconds * 48_000)
            while frames < target {
                state.block(64)
                while state.notices.pop() != nil {}
                frames += 64
            }
        }
        play(seconds: 0.25)
        #expect(state.pulse.bar.load(ordering: .relaxed) == 0)
        #expect(state.pulse.beat.load(ordering: .relaxed) == 0)
        play(seconds: 1.75)  // three and a half beats
        #expect(state.pulse.bar.load(ordering: .relaxed) == 0)
        #expect(state.pulse.beat.load(ordering: .relaxed) == 3)
        let steady = AllocationCounter.count { play(seconds: 2.75) }  // five and a half beats: bar 2, beat 2
        #expect(steady == 0)
        #expect(state.pulse.bar.load(ordering: .relaxed) == 1)
        #expect(state.pulse.beat.load(ordering: .relaxed) == 1)
        // The report counts from 1, as a musician does.
        var snapshot = DaemonSnapshot(config: SidemanConfig(), styleNames: ["bossa-nova"], tempo: 120)
        snapshot.playing = true
        let report = snapshot.report(pulse: state.pulse, uptime: 0, configFile: nil, pid: 1)
        #expect(report.bar == 2 && report.beat == 2)
        state.chartRequests.push(.control(.stop))
        play(seconds: 2.8)
        #expect(state.pulse.bar.load(ordering: .relaxed) == -1)
    }
}
