import Arranger
import FluidSynthOutput
import MusicCore
import StyleEngine

/// One render: drives the arranger engine on the audio sample clock exactly as the live
/// audio callback does — 64-frame blocks, commands at exact frames — and sends what it plays
/// to FluidSynth (for a WAV) and to a recorder (for a MIDI file).
struct RenderSession {
    struct Result {
        var recorder: BandRecorder
        var time: FrameTime
        /// Frames of music (to the end of the last note-off), and of the release tail after.
        var musicFrames: Int
        var tailFrames: Int
        var bars: Int
    }

    /// What happens at one frame: a command for the engine, a MIDI event of our own (count-in
    /// clicks, the player's hands), or the end of the input.
    enum Cue {
        case command(ArrangerCommand)
        case event(MIDIEvent)
        /// A chart section or loop pass starts: a marker in the MIDI file.
        case marker(String)
    }

    let style: Style
    let tempo: Tempo
    let sampleRate: Int
    var seed: UInt64 = 1
    /// The late window and anticipation, as the live band reads them from the configuration.
    var feel = ChordFeel()
    /// Longest release tail rendered after the band stops.
    var maxTailSeconds = 8

    /// Renders a list of cues (sorted by frame). Ends when the band has stopped after the
    /// last cue, or `endFrame` plus a margin has passed (the engine is then stopped).
    func run(
        cues: [(frame: Int, cue: Cue)], endFrame: Int, synthesizer: Synthesizer?, sink: (any AudioSink)?,
        progress: RenderProgress?
    ) throws -> Result {
        var engine = ArrangerEngine(style: style, sampleRate: sampleRate, seed: seed)
        engine.feel = feel
        engine.send(.tempo(tempo))
        var time = FrameTime(tempo: tempo, sampleRate: sampleRate)
        var recorder = BandRecorder()
        let renderer = synthesizer.map { OfflineRenderer(synthesizer: $0) }
        for event in engine.setupEvents() {
            recorder.record(event, atFrame: 0)
            synthesizer?.send(event)
        }

        let block = Synthesizer.blockSize
        let hardEnd = endFrame + 30 * sampleRate
        var position = 0
        var next = 0
        var running = false
        var stoppedAfterStart = false
        var bars = 0
        var lastEventFrame = 0
        while true {
            let blockEnd = position + block
            var offset = position
            while offset < blockEnd {
                while next < cues.count, cues[next].frame <= offset {
                    switch cues[next].cue {
                    case .command(let command): engine.send(command)
                    case .marker(let name): recorder.sectionStarted(name, atFrame: offset)
                    case .event(let event):
                        recorder.record(event, atFrame: offset)
                        synthesizer?.send(event)
                        lastEventFrame = offset
                    }
                    next += 1
                }
                let until = next < cues.count ? min(blockEnd, max(offset + 1, cues[next].frame)) : blockEnd
                let base = offset
                engine.advance(
                    frames: until - offset,
                    emit: { band in
                        recorder.record(band.event, atFrame: base + band.frame)
                        synthesizer?.send(band.event)
                        lastEventFrame = base + band.frame
                    },
                    notify: { notice in
                        let frame = base + notice.frame
                        switch notice {
                        case .started: running = true
                        case .stopped:
                            running = false
                            stoppedAfterStart = true
                        case .sectionStarted(let section, _): recorder.sectionStarted(section.name, atFrame: frame)
                        case .chordChanged(let chord, _): recorder.chordChanged(to: chord, atFrame: frame)
                        case .bar(let n, _):
                            bars = n + 1
                            progress?.update(frame: frame, bar: n)
                        case .tempoChanged(let tempo, _): time.changeTempo(to: tempo, atFrame: frame)
                        }
                    })
                offset = until
            }
            if let renderer, let sink { try renderer.renderBlock(events: { _, _ in }, to: sink) }
            position = blockEnd
            let cuesDone = next >= cues.count
            if cuesDone, stoppedAfterStart, !running { break }
            if cuesDone, position >= endFrame, !running, !stoppedAfterStart { break }  // never started
            if position >= hardEnd {
                engine.send(.stop)
                engine.advance(
                    frames: block,
                    emit: { band in
                        recorder.record(band.event, atFrame: position + band.frame)
                        synthesizer?.send(band.event)
                    }, notify: { _ in })
                if let renderer, let sink { try renderer.renderBlock(events: { _, _ in }, to: sink) }
                position += block
                break
            }
        }
        var tail = 0
        if let renderer, let sink { tail = try renderer.renderTail(maxFrames: maxTailSeconds * sampleRate, to: sink) }
        return Result(
            recorder: recorder, time: time, musicFrames: max(position, lastEventFrame), tailFrames: tail, bars: bars)
    }
}
