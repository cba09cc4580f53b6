import Arranger
import FluidSynthOutput
import Foundation
import MusicCore
import Practice
import StyleEngine

extension RenderPlan {
    /// A recorded performance re-played through the same path as live: every key goes through
    /// the keyboard processor (split point, fingering, settle window, chord memory) at its
    /// sample time; its chord commands drive the band, the right hand sounds on channel 1.
    /// The band waits for the first chord (sync start) and stops — or plays its ending — where
    /// the recording ends.
    static func performance(
        path: String, style: Style, tempo: Tempo?, sampleRate: Int, split: String?, options: PracticeSettings
    ) throws -> (plan: RenderPlan, tempo: Tempo?) {
        guard options.choruses == 1 else { throw RenderError.badOption("--choruses applies to charts, not to --input") }
        guard options.countIn.bars == 0 else { throw RenderError.badOption("--count-in applies to charts, not to --input") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError.file(path, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        let file: MIDIFile
        do {
            file = try MIDIFile.read([UInt8](data))
        } catch {
            throw RenderError.file(path, "\(error)")
        }
        var settings = KeyboardSettings()
        if let split {
            guard let note = NoteName.parse(split) else {
                throw RenderError.badOption("--split: unknown note '\(split)' (a name such as F#3 or a number 0-127)")
            }
            settings.splitPoint = note
        }
        // The take's own tempo applies when none is given: the band plays along at the pace
        // the player heard.
        let takeTempo = file.mergedEvents.lazy.compactMap { _, e -> Tempo? in
            if case .meta(.tempo(let t)) = e.event { return t }
            return nil
        }.first

        let playback = MIDIFilePlayback(file: file, sampleRate: sampleRate)
        let endTick = file.tracks.map(\.endTick).max() ?? 0
        let endFrame = max(
            playback.lengthInFrames, Int((file.tempoMap.seconds(atTick: endTick) * Double(sampleRate)).rounded()))

        var cues: [(frame: Int, cue: RenderSession.Cue)] = []
        let firstMain = SectionID.MainVariation.allCases.first { style.sections[.main($0)] != nil }
        guard let firstMain else { throw RenderError.styleLacks(style.name, "a Main section") }
        cues.append((0, .command(.autoFill(true))))
        cues.append((0, .command(.section(.main(firstMain)))))
        cues.append((0, .command(.syncStart(true))))
        if options.intro {
            guard style.sections[.intro(1)] != nil else { throw RenderError.styleLacks(style.name, "an Intro 1") }
            cues.append((0, .command(.section(.intro(1)))))
        }

        var keyboard = KeyboardProcessor(settings: settings, sampleRate: sampleRate)
        keyboard.armSyncStart(true)
        func collect(_ output: KeyboardOutput) {
            let frame = Int(output.time)
            switch output {
            case .command(let command, _): cues.append((frame, .command(command)))
            case .voice(let event, _): cues.append((frame, .event(event)))
            }
        }
        for (frame, event) in playback.events {
            keyboard.receive(event, at: Int64(frame), emit: collect)
        }
        if let due = keyboard.deadline { keyboard.advance(to: max(due, Int64(endFrame)), emit: collect) }
        keyboard.releaseAll(at: Int64(endFrame), emit: collect)

        var musicEnd = endFrame
        if options.ending {
            guard let ending = style.sections[.ending(1)] else { throw RenderError.styleLacks(style.name, "an Ending 1") }
            cues.append((endFrame, .command(.section(.ending(1)))))
            let barFrames = FrameTime(tempo: tempo ?? takeTempo ?? style.tempo, sampleRate: sampleRate)
                .frame(atTick: style.meter.ticksPerBar())
            musicEnd += (ending.bars(meter: style.meter) + 1) * barFrames
        } else {
            cues.append((endFrame, .command(.stop)))
        }
        // Stable: what happened at one frame keeps its order.
        // Keys recorded on one tick reach the processor one by one, so a chord can be named
        // several times on one frame (F, then F7): the engine keeps only the last of the
        // chords that reach it in one block (`ArrangerEngine.send`), as it does live.
        let ordered = cues.enumerated().sorted { a, b in
            a.element.frame != b.element.frame ? a.element.frame < b.element.frame : a.offset < b.offset
        }.map(\.element)
        let bandTempo = tempo ?? takeTempo ?? style.tempo
        let barFrames = FrameTime(tempo: bandTempo, sampleRate: sampleRate).frame(atTick: style.meter.ticksPerBar())
        let title = (path as NSString).lastPathComponent
        return (RenderPlan(title: title, cues: ordered, endFrame: musicEnd, bars: max(1, musicEnd / max(1, barFrames))), takeTempo)
    }
}
