import Arranger
import Foundation
import MusicCore
import Practice

extension Daemon {
    /// Every 10 ms, off the audio thread: the song's score read further ahead, the practice
    /// controls the player pressed, a song that ended (the setlist moves on), and the status
    /// published when it changed.
    func practiceTick(_ state: LiveAudioState) {
        practice.state.withLock { $0.feed }?.fill()
        while let action = state.practiceActions.pop() {
            do {
                try practiceAction(action)
            } catch {
                logger.warning("\(action): \(error)")
            }
        }
        let pulse = state.chartPulse
        let number = pulse.song.load(ordering: .relaxed)
        if pulse.currentPhase == .finished {
            let next = practice.state.withLock { s -> PracticeRequest?? in
                guard s.finishedHandled != number, s.song?.number == number else { return nil }
                s.finishedHandled = number
                guard let setlist = s.setlist, setlist.advancesByItself, s.setlistPosition + 1 < setlist.songs.count else {
                    return .some(nil)
                }
                return .some(setlist.songs[s.setlistPosition + 1])
            }
            if case .some(let request) = next {
                if let request {
                    let position = practice.state.withLock { $0.setlistPosition } + 1
                    do { try play(request, setlistPosition: position) } catch { logger.warning("setlist: \(error)") }
                } else {
                    logger.info("song ended")
                }
            }
        }
        updatePracticeStatus()
    }

    /// The setlist of `[practice] setlist`, loaded once the band runs: its first song waits for
    /// start/stop or next song. One warning when it cannot be read; the daemon plays on.
    func loadStartSetlist() {
        let path = initialConfig.practice.setlist
        guard !path.isEmpty else { return }
        do {
            try loadSetlist(path, play: false)
            logger.info("setlist", metadata: ["path": "\(path)"])
        } catch {
            logger.warning("setlist not loaded: \(error)")
        }
    }

    /// The status from the chart's pulse and the song's plan, published if it changed.
    func updatePracticeStatus() {
        let (phase, bar, beat, number) = live.withLock { state -> (ChartPhase, Int, Int, Int) in
            guard let p = state?.chartPulse else { return (.idle, -1, 0, 0) }
            return (p.currentPhase, p.bar.load(ordering: .relaxed), p.beat.load(ordering: .relaxed), p.song.load(ordering: .relaxed))
        }
        let tempo = snapshot.withLock { $0.tempo }
        var status = PracticeStatus()
        practice.state.withLock { s in
            status.mode = s.mode.rawValue
            status.loopMemories = s.memories.keys.sorted()
            status.recordingMemory = s.recording.map(\.slot)
            if let setlist = s.setlist {
                status.setlist = setlist.title
                status.setlistPosition = s.setlistPosition + 1
                status.setlistCount = setlist.songs.count
            }
            guard let song = s.song else { return }
            status.phase = (song.number == number ? phase : .countIn).description
            song.describe(bar: song.number == number ? bar : -1, beat: beat, into: &status)
            if song.number == number, phase == .countIn || phase == .intro { status.beat = beat + 1 }
            status.tempo = tempo
        }
        practice.publish(status)
    }

    /// The statuses from now on (the web remote's WebSocket), the current one first.
    public func followPractice() -> AsyncStream<PracticeStatus> { practice.follow() }

    /// The practice player's status now.
    public var practiceStatus: PracticeStatus { practice.state.withLock { $0.status } }

    // MARK: Chord looper

    /// A notice from the audio thread, for the chord looper: bar lines and the left hand's chords,
    /// timed when they are read (every 10 ms: well inside a beat).
    func practiceNotice(_ notice: ArrangerNotice) {
        let seconds = startedAt.duration(to: .now) / .seconds(1)
        let done = practice.state.withLock { s -> (slot: Int, chart: ChordChart)? in
            guard var looper = s.recording else { return nil }
            switch notice {
            case .bar: looper.barLine(at: seconds)
            case .chordChanged(let chord, _): looper.chord(chord, at: seconds)
            default: break
            }
            if looper.isComplete {
                s.recording = nil
                let chart = looper.chart(title: "Loop \(looper.slot)")
                s.memories[looper.slot] = LoopMemory(chart: chart)
                return (looper.slot, chart)
            }
            s.recording = looper
            return nil
        }
        if let done {
            logger.info("loop recorded", metadata: ["memory": "\(done.slot)", "chords": "\(done.chart.bars.flatMap { $0 }.count)"])
            do { try playMemory(done.slot) } catch { logger.warning("loop \(done.slot): \(error)") }
        }
    }

    /// Records the left hand from the next bar line for `bars` bars into memory `slot`; the band
    /// then plays it as an endless loop.
    func record(slot: Int, bars: Int) throws(ControlCommandError) {
        guard (1...8).contains(slot) else { throw ControlCommandError("loop memory \(slot): give 1…8") }
        guard (1...64).contains(bars) else { throw ControlCommandError("looper bars \(bars): give 1…64") }
        let styles = practice.state.withLock { $0.styles } ?? initialStyles.styles
        let meter = styles[min(max(0, pulse.styleIndex.load(ordering: .relaxed)), styles.count - 1)].meter
        let chord = snapshot.withLock { $0.chord }
        if practice.state.withLock({ $0.mode }) == .chart { try setMode(.arranger) }
        practice.state.withLock { $0.recording = ChordLooper(slot: slot, bars: bars, meter: meter, sounding: chord) }
        logger.info("looper recording", metadata: ["memory": "\(slot)", "bars": "\(bars)"])
    }

    func playMemory(_ slot: Int) throws(ControlCommandError) {
        guard let memory = practice.state.withLock({ $0.memories[slot] }) else {
            throw ControlCommandError("loop memory \(slot) is empty (record it first: looper_record)")
        }
        var request = PracticeRequest(song: "loop-\(slot)")
        request.loop = "1-\(memory.chart.bars.count)"
        try play(request, setlistPosition: nil, chart: ("loop-\(slot)", memory.chart))
    }

    func saveMemory(_ slot: Int, to path: String) throws(ControlCommandError) {
        guard let memory = practice.state.withLock({ $0.memories[slot] }) else {
            throw ControlCommandError("loop memory \(slot) is empty (record it first: looper_record)")
        }
        do {
            try memory.chart.text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ControlCommandError("\(path): cannot write (\(error.localizedDescription))")
        }
    }
}
