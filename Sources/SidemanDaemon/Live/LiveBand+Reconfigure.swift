import Arranger
import MusicCore

extension LiveBand {
    /// Applies a reloaded configuration: split, fingering, memory, transpose, voices, control
    /// mapping, tempo and auto fill at once; a different style at the next bar line (at once
    /// when stopped), the engine ending the old style's notes. The old styles and mapper are
    /// swapped into `update` for the caller to free elsewhere. Allocates nothing.
    mutating func reconfigure<S: BandSink>(_ update: inout LiveReconfiguration, into sink: inout S) {
        let config = update.config
        var settings = keyboard.settings
        settings.apply(config.keyboard)
        let transpose = settings.transpose
        settings.transpose = keyboard.settings.transpose
        Self.feed(&keyboard, &engine, &sink) { $0.update(settings, at: sampleTime, emit: $1) }
        if transpose != keyboard.settings.transpose {
            Self.feed(&keyboard, &engine, &sink) { $0.setTranspose(transpose, at: sampleTime, emit: $1) }
        }
        swap(&mapper, &update.mapper)
        keyboardChannel = config.keyboard.channel
        let lead = UInt7(clamping: config.keyboard.leadProgram - 1)
        if lead != leadProgram { sink.play(.programChange(channel: keyboard.settings.leadChannel, program: lead)) }
        leadProgram = lead
        let left = config.keyboard.leftProgram.map { UInt7(clamping: $0 - 1) }
        if let left, left != leftProgram { sink.play(.programChange(channel: keyboard.settings.leftChannel, program: left)) }
        leftProgram = left
        engine.send(.autoFill(config.style.autoFill))

        let playingName = style.name
        swap(&styles, &update.styles)
        let target = min(max(0, update.styleIndex), styles.count - 1)
        if styles[target].style.name == playingName {
            // Same style (maybe at another place in the list): keep playing it, untouched.
            styleIndex = target
        } else {
            styleIndex = -1  // force the change
            selectStyle(target, into: &sink)
        }
        // After the style: a stopped engine takes the new style's own tempo with it.
        if let bpm = config.style.tempo, let tempo = Tempo(bpm: bpm) { engine.send(.tempo(tempo)) }
    }
}
