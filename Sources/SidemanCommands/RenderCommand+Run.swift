import Arranger
import FluidSynthOutput
import Foundation
import MusicCore
import StyleEngine

extension RenderCommand {
    /// Where the render goes: a WAV, a MIDI file, or both, told apart by extension.
    struct Outputs: Equatable {
        var wav: String?
        var midi: String?

        init(_ paths: [String], takeOnly: Bool = false) throws(RenderError) {
            for path in paths {
                switch (path as NSString).pathExtension.lowercased() {
                case "wav":
                    guard wav == nil else { throw .badOption("--out: only one .wav file") }
                    wav = path
                case "mid", "midi", "smf":
                    guard midi == nil else { throw .badOption("--out: only one .mid file") }
                    midi = path
                default:
                    throw .unsupportedOutput(path)
                }
            }
            guard wav != nil || midi != nil || takeOnly else { throw .noOutput }
        }
    }

    func render() throws {
        let outputs = try Outputs(self.outputs, takeOnly: recordFolder != nil)
        let sources = [chart != nil, chartFile != nil, input != nil].filter { $0 }.count
        guard sources == 1 else { throw RenderError.badOption("give one of --chart, --chart-file or --input") }
        guard (1...999).contains(choruses) else { throw RenderError.badOption("--choruses must be 1...999") }
        guard (0...16).contains(countIn) else { throw RenderError.badOption("--count-in must be 0...16 bars") }
        guard (8_000...96_000).contains(sampleRate) else { throw RenderError.badOption("--sample-rate must be 8000...96000") }
        guard gain.isFinite, (0...2).contains(gain) else { throw RenderError.badOption("--gain must be 0...2") }

        let style = try RenderStyleLoader.load(self.style)
        var bandTempo = style.tempo
        if let tempo {
            guard let t = Tempo(bpm: tempo) else { throw RenderError.badOption("--tempo must be 20...400 BPM") }
            bandTempo = t
        }

        var plan: RenderPlan
        if let input {
            let performance = try RenderPlan.performance(
                path: input, style: style, tempo: tempo == nil ? nil : bandTempo, sampleRate: sampleRate,
                split: split, options: timelineOptions)
            plan = performance.plan
            if let leadProgram {
                guard (1...128).contains(leadProgram) else { throw RenderError.badOption("--lead-program must be 1...128") }
                let change = MIDIEvent.programChange(channel: KeyboardSettings().leadChannel, program: UInt7(clamping: leadProgram - 1))
                plan.cues.insert((0, .event(change)), at: 0)
            }
            if tempo == nil, let takeTempo = performance.tempo { bandTempo = takeTempo }
        } else {
            if leadProgram != nil { throw RenderError.badOption("--lead-program applies to --input") }
            let chordChart = try loadChart()
            plan = try RenderPlan.chart(
                chordChart, style: style, tempo: bandTempo, sampleRate: sampleRate, options: timelineOptions)
        }

        // The synth only when a WAV is asked for: a MIDI-only render needs no SoundFont.
        var synthesizer: Synthesizer?
        var writer: WAVWriter?
        if outputs.wav != nil || recordFolder != nil {
            let synth = try Synthesizer(settings: SynthesizerSettings(sampleRate: sampleRate, gain: gain))
            synth.setDrumChannels(Self.drumChannels(of: style))
            try synth.loadSoundFont(at: soundfont ?? SoundFontLocator().locate())
            synthesizer = synth
            if let wav = outputs.wav { writer = try WAVWriter(path: wav, sampleRate: sampleRate) }
        }
        let take = try recordFolder.map { try RenderTake(folder: $0, format: recordFormat, sampleRate: sampleRate, label: style.name, sink: writer) }

        let progress = RenderProgress.onTerminal(totalFrames: plan.endFrame, totalBars: plan.bars)
        let session = RenderSession(style: style, tempo: bandTempo, sampleRate: sampleRate, seed: seed)
        let result = try session.run(
            cues: plan.cues, endFrame: plan.endFrame, synthesizer: synthesizer, sink: take?.sink ?? writer, progress: progress)
        progress?.finish()
        try take?.finish(result.recorder, time: result.time)

        try writer?.finish()
        if let midi = outputs.midi {
            let file = result.recorder.midiFile(title: plan.title, meter: style.meter, time: result.time)
            do {
                try Data(file.write()).write(to: URL(fileURLWithPath: midi))
            } catch {
                throw RenderError.file(midi, "cannot write (\(error.localizedDescription))")
            }
        }
        let seconds = Double(result.musicFrames) / Double(sampleRate)
        let written = [outputs.wav, outputs.midi, take?.description].compactMap { $0 }.joined(separator: " and ")
        print("wrote \(written): \(plan.title), style \(style.name), \(plan.bars) bars at \(bandTempo), "
            + String(format: "%d:%04.1f", Int(seconds) / 60, seconds.truncatingRemainder(dividingBy: 60)))
    }

    var timelineOptions: RenderTimeline.Options {
        RenderTimeline.Options(choruses: choruses, intro: intro, ending: ending, countInBars: countIn)
    }

    /// The chart from --chart or --chart-file, read by the MusicCore chart reader.
    func loadChart() throws -> ChordChart {
        if let chart { return try ChordChart.parse(chart, source: "--chart") }
        let path = chartFile!
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RenderError.file(path, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return try ChordChart.parse(text, source: path)
    }

    /// Channels whose parts play drum kits: the rhythm parts unless the style says otherwise,
    /// and any part the style gives a kit.
    static func drumChannels(of style: Style) -> Set<MusicCore.MIDIChannel> {
        Set(PartID.allCases.filter { style.parts[$0]?.isDrumKit ?? $0.isRhythm }.map(\.channel))
    }
}
