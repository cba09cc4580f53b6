import ChordRecognition
import MusicCore
import Testing

@testable import Arranger

/// Drives a processor and keeps what it emits.
struct KeyboardRig {
    var processor: KeyboardProcessor
    var out: [KeyboardOutput] = []

    init(_ configure: (inout KeyboardSettings) -> Void = { _ in }) {
        var s = KeyboardSettings()
        configure(&s)
        processor = KeyboardProcessor(settings: s, sampleRate: 48_000)
    }

    mutating func send(_ event: MIDIEvent, at time: Int64) {
        var got: [KeyboardOutput] = []
        processor.receive(event, at: time) { got.append($0) }
        out += got
    }

    mutating func down(_ names: String, at time: Int64, velocity: UInt7 = 100) {
        for n in names.split(separator: " ") { send(.noteOn(channel: 0, note: NoteName.parse(n)!, velocity: velocity), at: time) }
    }

    mutating func up(_ names: String, at time: Int64) {
        for n in names.split(separator: " ") { send(.noteOff(channel: 0, note: NoteName.parse(n)!, velocity: 64), at: time) }
    }

    mutating func advance(to time: Int64) {
        var got: [KeyboardOutput] = []
        processor.advance(to: time) { got.append($0) }
        out += got
    }

    /// Takes and clears what was emitted so far.
    mutating func take() -> [KeyboardOutput] {
        defer { out = [] }
        return out
    }

    var commands: [ArrangerCommand] {
        out.compactMap { if case .command(let c, _) = $0 { return c } else { return nil } }
    }

    var voices: [MIDIEvent] {
        out.compactMap { if case .voice(let e, _) = $0 { return e } else { return nil } }
    }
}

func c(_ root: PitchClass, _ type: ChordType) -> ArrangerCommand { .chord(Chord(root: root, type: type)) }
