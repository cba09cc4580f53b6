import Arranger
import MusicCore

extension LiveAudioState {
    /// Before the band plays a block: the daemon's chart requests (a new song swapped in, the
    /// old feed handed back), then the song's cues for the block. Allocation-free.
    func stepChart(_ frames: Int, _ sink: inout SynthSink) {
        while let request = chartRequests.pop() {
            switch request {
            case .load(let feed, let song):
                var incoming: ChartFeed? = feed
                chart.load(&incoming, engine: &band.engine, click: { sink.play($0) })
                if let old = incoming { _ = retiredCharts.push(old) }  // capacity equals the inbound ring's
                band.chartActive = true
                chartPulse.song.store(song, ordering: .relaxed)
            case .stop(let keyboardLeads):
                chart.stop(engine: &band.engine, click: { sink.play($0) })
                band.chartActive = !keyboardLeads
            case .nudgeTempo(let bpm):
                chart.nudgeTempo(by: bpm, engine: &band.engine)
            case .control(let action):
                band.perform(action, atNanoseconds: UInt64(clamping: CallbackTimer.now()), into: &sink)
            case .part(let part, let mute, let volume):
                if let mute { band.apply(.mute(part, mute), into: &sink) }
                if let volume { band.apply(.volume(part, volume), into: &sink) }
            }
        }
        chart.fire(frames: frames, engine: &band.engine, click: { sink.play($0) })
    }

    /// After the band played the block: the chart's clock, and its position for the daemon.
    func chartBlockDone(_ frames: Int) {
        chart.advance(frames: frames, engineTempo: band.engine.currentTempo)
        chartPulse.phase.store(chart.phase.rawValue, ordering: .releasing)
        chartPulse.bar.store(chart.bar, ordering: .relaxed)
        chartPulse.beat.store(chart.beat, ordering: .relaxed)
    }
}
