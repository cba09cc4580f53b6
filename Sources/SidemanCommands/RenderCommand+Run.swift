import Arranger
import FluidSynthOutput
import Foundation
import MusicCore
import Practice
import SidemanDaemon
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
        let sources = [chart != nil, chartFile != nil, input != nil, song != nil].filter { $0 }.count
        guard sources == 1 else { throw RenderError.badOption("give one of --chart, --chart-file, --song or --input") }
        let tempo = practice.tempo
        guard (1...999).contains(practice.choruses ?? 1) else { throw RenderError.badOption("--choruses must be 1...999") }
        guard (0...2).contains(practice.countIn ?? 0) else { throw RenderError.badOption("--count-in must be 0, 1 or 2 bars") }
        guard (8_000...96_000).contains(sampleRate) else { throw RenderError.badOption("--sample-rate must be 8000...96000") }
        guard gain.isFinite, (0...2).contains(gain) else { throw RenderError.badOption("--gain must be 0...2") }
        let settings = try practice.renderSettings()

        let chordChart = input == nil ? try loadChart() : nil
        let style = try RenderStyleLoader.load(self.style ?? chordChart?.style ?? "medium-swing")
        var bandTempo = chordChart?.tempo ?? style.tempo
        if let tempo {
            guard let t = Tempo(bpm: tempo) else { throw RenderError.badOption("--tempo must be 20...400 BPM") }
            bandTempo = t
        }
        if let ramp = settings.ramp, tempo != nil, Tempo(bpm: ramp.from) != bandTempo {
            throw RenderError.badOption("--ramp starts at its own tempo: give --ramp or --tempo")
        }
        if let ramp = settings.ramp { bandTempo = Tempo(bpm: ramp.from)! }

        var plan: RenderPlan
        if let input {
            guard !practice.shapesChart else {
                throw RenderError.badOption("--loop, --ramp, --keys, --breaks, --metronome and --count-in-drums apply to charts, not to --input")
            }
            let performance = try RenderPlan.performance(
                path: input, style: style, tempo: tempo == nil ? nil : bandTempo, sampleRate: sampleRate,
                split: split, options: settings)
            plan = performance.plan
            if let leadProgram {
                guard (1...128).contains(leadProgram) else { throw RenderError.badOption("--lead-program must be 1...128") }
                let change = MIDIEvent.programChange(channel: KeyboardSettings().leadChannel, program: UInt7(clamping: leadProgram - 1))
                plan.cues.insert((0, .event(change)), at: 0)
            }
            if tempo == nil, let takeTempo = performance.tempo { bandTempo = takeTempo }
        } else {
            if leadProgram != nil { throw RenderError.badOption("--lead-program applies to --input") }
            plan = try RenderPlan.chart(
                chordChart!, style: style, tempo: bandTempo, sampleRate: sampleRate, settings: settings)
        }

        // The synth only when a WAV is asked for: a MIDI-only render needs no SoundFont.
        var synthesizer: Synthesizer?
        var writer: WAVWriter?
        if outputs.wav != nil || recordFolder != nil {
            let synth = try Synthesizer(settings: Self.synthSettings(sampleRate: sampleRate, gain: gain))
            synth.setDrumChannels(Self.drumChannels(of: style))
            try synth.loadSoundFont(at: soundfont ?? SoundFontLocator().locate())
            synthesizer = synth
            if let wav = outputs.wav { writer = try WAVWriter(path: wav, sampleRate: sampleRate) }
        }
        let take = try recordFolder.map { try RenderTake(folder: $0, format: recordFormat, sampleRate: sampleRate, label: style.name, sink: writer) }

        let progress = RenderProgress.onTerminal(totalFrames: plan.endFrame, totalBars: plan.bars)
        var session = RenderSession(style: style, tempo: bandTempo, sampleRate: sampleRate, seed: seed)
        session.feel = try StylesCommand.configuration(path: config)?.chords.feel ?? ChordFeel()
        let result = try session.run(
            cues: plan.cues, endFrame: plan.endFrame, synthesizer: synthesizer, sink: take?.sink ?? writer, progress: progress)
        progress?.finish()
        try take?.finish(result.recorder, time: result.time)

        try writer?.finish()
        if let midi = outputs.midi {
            let file = result.recorder.midiFile(
                title: plan.title, meter: style.meter, time: result.time, kitChannels: Self.drumChannels(of: style))
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

    /// The chart from --chart, --chart-file or --song, read by the MusicCore chart reader.
    func loadChart() throws -> ChordChart {
        if let chart { return try ChordChart.parse(chart, source: "--chart") }
        if let song { return try ChartLibrary.standard().chart(named: song) }
        let path = chartFile!
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RenderError.file(path, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return try ChordChart.parse(text, source: path)
    }

    /// The daemon's default voices, reverb and chorus, so that a render sounds as the box
    /// plays live; the gain is the render's own (--gain), leaving a WAV its headroom.
    static func synthSettings(sampleRate: Int, gain: Double) -> SynthesizerSettings {
        let live = SidemanConfig.Synth()
        return SynthesizerSettings(
            sampleRate: sampleRate, gain: gain, polyphony: live.polyphony, reverb: live.reverb, chorus: live.chorus)
    }

    /// Channels whose parts play drum kits: the rhythm parts unless the style says otherwise,
    /// and any part the style gives a kit.
    static func drumChannels(of style: Style) -> Set<MusicCore.MIDIChannel> {
        Set(PartID.allCases.filter { style.parts[$0]?.isDrumKit ?? $0.isRhythm }.map(\.channel) + [RenderTimeline.clickChannel])
    }
}
