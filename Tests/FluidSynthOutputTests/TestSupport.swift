import Foundation
import FluidSynthOutput
import MusicCore

/// The SoundFont tests play through: the small TimGM6mb if installed (fast to load), else
/// whatever the standard search finds. Tests that need one are skipped, with this reason,
/// when there is none.
enum TestSoundFont {
    static let path: String? = {
        let small = "/usr/share/sounds/sf2/TimGM6mb.sf2"
        if FileManager.default.isReadableFile(atPath: small) { return small }
        return SoundFontLocator().find()
    }()
    static let missing = "skipped: no General MIDI SoundFont installed (apt install timgm6mb-soundfont)"
    static var available: Bool { path != nil }

    /// A synth with the test SoundFont, reverb and chorus off so the dry sound can be measured.
    static func synthesizer(sampleRate: Int = 48_000, effects: Bool = false) throws -> Synthesizer {
        let synth = try Synthesizer(
            settings: SynthesizerSettings(sampleRate: sampleRate, reverb: effects, chorus: effects))
        try synth.loadSoundFont(at: path!)
        return synth
    }
}

/// Small signal analysis for rendered audio.
enum Signal {
    /// Left and right averaged, as floats.
    static func mono(_ interleaved: [Int16]) -> [Double] {
        stride(from: 0, to: interleaved.count - 1, by: 2).map {
            (Double(interleaved[$0]) + Double(interleaved[$0 + 1])) / 65_536
        }
    }

    static func mono(_ interleaved: [Float]) -> [Double] {
        stride(from: 0, to: interleaved.count - 1, by: 2).map { Double(interleaved[$0] + interleaved[$0 + 1]) / 2 }
    }

    static func rms(_ x: ArraySlice<Double>) -> Double {
        guard !x.isEmpty else { return 0 }
        return (x.reduce(0) { $0 + $1 * $1 } / Double(x.count)).squareRoot()
    }

    /// Magnitude of one frequency (Goertzel), normalised by length.
    static func magnitude(_ x: ArraySlice<Double>, frequency: Double, sampleRate: Int) -> Double {
        let w = 2 * Double.pi * frequency / Double(sampleRate)
        let coefficient = 2 * cos(w)
        var s1 = 0.0
        var s2 = 0.0
        for v in x {
            let s = v + coefficient * s1 - s2
            s2 = s1
            s1 = s
        }
        let power = s1 * s1 + s2 * s2 - coefficient * s1 * s2
        return power.squareRoot() / Double(x.count)
    }

    static func frequency(ofMIDINote note: Int) -> Double { 440 * pow(2, Double(note - 69) / 12) }

    /// The MIDI note (in `range`) whose frequency is strongest: a pitch estimate on the
    /// semitone grid, good for near-sinusoidal sounds such as a flute.
    static func strongestNote(_ x: ArraySlice<Double>, sampleRate: Int, in range: ClosedRange<Int>) -> Int {
        range.max { a, b in
            magnitude(x, frequency: frequency(ofMIDINote: a), sampleRate: sampleRate)
                < magnitude(x, frequency: frequency(ofMIDINote: b), sampleRate: sampleRate)
        }!
    }

    /// Sign changes per second: high for noisy drums, low for a low pitched note.
    static func zeroCrossingRate(_ x: ArraySlice<Double>, sampleRate: Int) -> Double {
        var crossings = 0
        var previous = x.first ?? 0
        for v in x.dropFirst() {
            if (v >= 0) != (previous >= 0) { crossings += 1 }
            previous = v
        }
        return Double(crossings) * Double(sampleRate) / Double(max(1, x.count))
    }
}

extension UInt7 {
    static func of(_ value: Int) -> UInt7 { UInt7(clamping: value) }
}

/// Plays a fixed list of (frame, event) through the renderer's event-source shape.
final class EventList {
    private var events: [(frame: Int, event: MIDIEvent)]
    private var position = 0
    init(_ events: [(frame: Int, event: MIDIEvent)]) { self.events = events.sorted { $0.frame < $1.frame } }

    func next(_ frames: Int, _ emit: (Int, MIDIEvent) -> Void) {
        let end = position + frames
        while let first = events.first, first.frame < end {
            emit(max(0, first.frame - position), first.event)
            events.removeFirst()
        }
        position = end
    }
}
