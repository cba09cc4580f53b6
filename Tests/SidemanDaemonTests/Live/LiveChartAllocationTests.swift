import AllocationCounting
import MusicCore
import Practice
import Testing

@testable import SidemanDaemon

/// Chart mode through the audio callback's own path (LiveAudioState.block, the synthesizer
/// rendering): a song handed over through the ring, swapped in, played with clicks, loop,
/// ramp and key cycle, then replaced by another and stopped, with no allocation and no free
/// on the audio thread; the replaced feed comes back out to be freed elsewhere. The feeds are
/// read on between blocks (off the audio thread, as the daemon's tick reads them).
@Suite struct LiveChartAllocationTests {
    static func feed(_ text: String, style: LiveAudioState, _ configure: (inout PracticeSettings) -> Void) throws -> ChartFeed {
        var settings = PracticeSettings()
        configure(&settings)
        let plan = try PracticePlan(chart: try ChordChart.parse(text, source: "test"), settings: settings, tempo: Tempo(bpm: 140)!)
        let feed = ChartFeed(score: try PracticeScore(plan: plan, style: style.band.style, minusOne: [.pad], volumes: [.bass: 90]))
        feed.fill()
        return feed
    }

    @Test(.enabled(if: LiveFixture.soundFont != nil, Comment(rawValue: LiveFixture.noSoundFont)))
    func aSongSwappedInPlaysAndIsReplacedWithoutAllocating() throws {
        let state = try LiveFixture.state(loadSoundFont: true)
        var buffer = [Float](repeating: 0, count: 128)
        let first = try Self.feed("Dm7 G7 | Cmaj7 | A7 | Dm7 G7 |", style: state) {
            $0.loop = PracticeLoop("1-4")
            $0.keys = .random(seed: 3)
            $0.breaks = ChordBreaks(rest: 1, every: 3)
            $0.ramp = TempoRamp("120:160:+20")
            $0.metronome = true
            $0.countIn = CountIn(bars: 1)
        }
        let second = try Self.feed("C7 | F7 | C7 | G7 |", style: state) { $0.breaks = ChordBreaks(rest: 1, every: 2) }
        func run(_ blocks: Int) -> Int {
            var total = 0
            for n in 0..<blocks {
                total += AllocationCounter.count {
                    state.block(64)
                    buffer.withUnsafeMutableBufferPointer { _ = state.synth.render(into: $0) }
                }
                while state.notices.pop() != nil {}
                if n % 8 == 0 { state.chart.feed?.fill() }
            }
            return total
        }
        // Warm up: the first song through count-in and a pass or two (voices met once).
        state.chartRequests.push(.load(first, song: 1))
        _ = run(3000)
        #expect(state.chartPulse.currentPhase == .playing)
        let steady = run(48_000 * 40 / 64)  // forty seconds: passes, tempo steps, new keys, breaks
        #expect(steady == 0, "\(steady) allocations while the song played")
        #expect(state.chartPulse.bar.load(ordering: .relaxed) > 16, "several passes played")
        #expect(state.chart.starvedBlocks == 0)

        state.chartRequests.push(.load(second, song: 2))
        let swap = run(200)
        #expect(swap == 0, "\(swap) allocations when the next song came in")
        #expect(state.chartPulse.song.load(ordering: .relaxed) == 2)
        #expect(state.retiredCharts.pop() != nil, "the first song's feed came back to be freed")

        state.chartRequests.push(.nudgeTempo(5))
        state.chartRequests.push(.stop(keyboardLeads: true))
        let stop = run(200)
        #expect(stop == 0, "\(stop) allocations when the song stopped")
        #expect(state.chartPulse.currentPhase == .idle)
        #expect(!state.band.chartActive)
        #expect(AllocationCounter.count { _ = [Int](repeating: 0, count: 4) } != 0, "the counter counts")
    }
}
