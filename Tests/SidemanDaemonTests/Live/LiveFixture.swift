import ALSASequencer
import Arranger
import FluidSynthOutput
import Foundation
import MusicCore
import StyleEngine

@testable import SidemanDaemon

/// The live path as the daemon wires it, without the sound card and the sequencer: a band, a
/// real synthesizer, the input ring the reader fills and the `out` ring.
enum LiveFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func style(_ name: String) throws -> Style {
        let path = root.appendingPathComponent("styles/\(name).style").path
        return try StyleTextFormat.parse(String(contentsOfFile: path, encoding: .utf8), fileName: path)
    }

    /// The small TimGM6mb if installed, else whatever the standard search finds.
    static let soundFont: String? = {
        let small = "/usr/share/sounds/sf2/TimGM6mb.sf2"
        if FileManager.default.isReadableFile(atPath: small) { return small }
        return SoundFontLocator().find()
    }()
    static let noSoundFont = "skipped: no General MIDI SoundFont installed (apt install timgm6mb-soundfont)"

    static func state(
        style name: String = "bossa-nova", styles names: [String]? = nil, loadSoundFont: Bool = false, effects: Bool = false,
        voiceStartsPerBlock: Int = SynthesizerSettings().voiceStartsPerBlock,
        configure: (inout SidemanConfig) -> Void = { _ in }
    ) throws -> LiveAudioState {
        var config = SidemanConfig()
        config.style.tempo = 120
        configure(&config)
        let band = LiveBand(styles: try (names ?? [name]).map { LiveStyle(try style($0)) }, styleIndex: 0, config: config, sampleRate: 48_000)
        let synth = try Synthesizer(settings: SynthesizerSettings(
            sampleRate: 48_000, reverb: effects, chorus: effects, drumChannels: [], voiceStartsPerBlock: voiceStartsPerBlock))
        if loadSoundFont, let soundFont { try synth.loadSoundFont(at: soundFont) }
        for event in band.setupEvents() { synth.send(event) }
        return LiveAudioState(
            band: band, synth: synth, input: SPSCRing(capacity: 1024), pulse: AudioPulse(),
            timer: CallbackTimer(sampleRate: 48_000, bufferFrames: 256), output: config.liveOutput,
            follower: config.clockFollower)
    }

    /// Input as the reader thread delivers it.
    static func push(_ events: [MIDIEvent], to state: LiveAudioState, atNanoseconds ns: UInt64 = 0) {
        for event in events {
            state.input.push(InputEvent(source: SequencerAddress(client: 20, port: 0), event: event, receivedNanoseconds: ns))
        }
    }

    static let cMajor: [MIDIEvent] = [36, 40, 43].map { .noteOn(channel: 0, note: UInt7(rawValue: $0)!, velocity: 90) }

    /// Everything waiting in the `out` ring.
    static func drainOut(_ state: LiveAudioState) -> [OutgoingMIDI] {
        var result: [OutgoingMIDI] = []
        while let m = state.output?.ring.pop() { result.append(m) }
        return result
    }
}
