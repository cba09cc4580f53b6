import Foundation
import MusicCore
import Testing

@testable import FluidSynthOutput

@Suite("Synthesizer with a real SoundFont", .enabled(if: TestSoundFont.available, "\(TestSoundFont.missing)"))
struct SynthesizerTests {
    let sampleRate = 48_000

    /// Renders `seconds` of a note held for `hold` seconds, as mono floats.
    func renderNote(
        _ note: Int, program: Int, channel: MIDIChannel = 0, bankMSB: Int? = nil, hold: Double = 0.6,
        seconds: Double = 0.8, synth: Synthesizer? = nil
    ) throws -> [Double] {
        let synth = try synth ?? TestSoundFont.synthesizer(sampleRate: sampleRate)
        if let bankMSB { synth.send(.controlChange(channel: channel, controller: 0, value: .of(bankMSB))) }
        synth.send(.programChange(channel: channel, program: .of(program)))
        let renderer = OfflineRenderer(synthesizer: synth)
        let events = EventList([
            (0, .noteOn(channel: channel, note: .of(note), velocity: 100)),
            (Int(hold * Double(sampleRate)), .noteOff(channel: channel, note: .of(note), velocity: 0)),
        ])
        let buffer = AudioBuffer()
        try renderer.render(frames: Int(seconds * Double(sampleRate)), events: events.next, to: buffer)
        return Signal.mono(buffer.samples)
    }

    @Test("a flute note sounds at its pitch", arguments: [60, 69, 76])
    func pitch(note: Int) throws {
        let audio = try renderNote(note, program: 73)
        let steady = audio[4800..<24_000]  // 0.1 s ... 0.5 s, past the attack
        #expect(Signal.rms(steady) > 0.005)
        #expect(Signal.strongestNote(steady, sampleRate: sampleRate, in: 36...96) == note)
    }

    @Test func silenceAfterNoteOffAndRelease() throws {
        let synth = try TestSoundFont.synthesizer(sampleRate: sampleRate)
        let audio = try renderNote(64, program: 0, hold: 0.3, seconds: 3.0, synth: synth)
        #expect(Signal.rms(audio[2400..<12_000]) > 0.005)
        let tail = audio[(audio.count - 4800)...]
        #expect(tail.allSatisfy { abs($0) < 0.0005 })
        #expect(synth.activeVoiceCount == 0)
    }

    @Test("program changes give different timbres")
    func timbres() throws {
        // Harmonic profile of the same note: harmonics 2...8 in dB relative to the fundamental.
        func profile(program: Int) throws -> [Double] {
            let audio = try renderNote(57, program: program)
            let window = audio[4800..<24_000]
            let f = Signal.frequency(ofMIDINote: 57)
            let h = (1...8).map { Signal.magnitude(window, frequency: f * Double($0), sampleRate: sampleRate) }
            return h.dropFirst().map { 20 * log10(max($0, 1e-9) / h[0]) }
        }
        /// Mean difference in dB across the harmonics.
        func distance(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(a.count) }
        let piano = try profile(program: 0)
        let flute = try profile(program: 73)
        let trumpet = try profile(program: 56)
        let pianoAgain = try profile(program: 0)
        #expect(distance(piano, pianoAgain) < 0.5)
        #expect(distance(piano, flute) > 4)
        #expect(distance(flute, trumpet) > 6)
        #expect(distance(piano, trumpet) > 6)
    }

    @Test("drum kits play from bank 128 on the Yamaha rhythm channels and any channel with bank 127")
    func drumKits() throws {
        let synth = try TestSoundFont.synthesizer(sampleRate: sampleRate)
        #expect(synth.preset(on: 8)?.bank == 128)  // rhythm 1, channel 9 counted from one
        #expect(synth.preset(on: 9)?.bank == 128)  // rhythm 2
        #expect(synth.preset(on: 0)?.bank == 0)
        synth.send(.controlChange(channel: 3, controller: 0, value: 127))
        synth.send(.programChange(channel: 3, program: 0))
        #expect(synth.preset(on: 3)?.isDrumKit == true)
        synth.send(.controlChange(channel: 3, controller: 0, value: 0))
        synth.send(.programChange(channel: 3, program: 33))
        #expect(synth.preset(on: 3) == synth.presets.first { $0.bank == 0 && $0.program == 33 })
        // A kit the SoundFont lacks falls back to the standard kit.
        synth.send(.controlChange(channel: 8, controller: 0, value: 127))
        synth.send(.programChange(channel: 8, program: 127))
        #expect(synth.preset(on: 8)?.isDrumKit == true)
        // A style may put a kit on any part: its channel then takes kits by program alone.
        synth.setDrumChannels([9, 14])
        synth.send(.programChange(channel: 14, program: 0))
        synth.send(.controlChange(channel: 8, controller: 0, value: 0))  // the kit's bank 127 still holds
        synth.send(.programChange(channel: 8, program: 0))
        #expect(synth.preset(on: 14)?.isDrumKit == true)
        #expect(synth.preset(on: 8)?.isDrumKit == false)
    }

    @Test("a snare on the drum channel is noise, the same key on a piano is a low note")
    func drumChannelSounds() throws {
        let snare = try renderNote(38, program: 0, channel: 9)
        let piano = try renderNote(38, program: 0, channel: 0)
        let drumOnChannel1 = try renderNote(38, program: 0, channel: 0, bankMSB: 127)
        let window = 480..<9_600
        #expect(Signal.rms(snare[window]) > 0.005)
        #expect(Signal.rms(drumOnChannel1[window]) > 0.005)
        let snareRate = Signal.zeroCrossingRate(snare[window], sampleRate: sampleRate)
        let pianoRate = Signal.zeroCrossingRate(piano[window], sampleRate: sampleRate)
        #expect(snareRate > 4 * pianoRate)
        #expect(Signal.zeroCrossingRate(drumOnChannel1[window], sampleRate: sampleRate) > 4 * pianoRate)
    }

    @Test func pitchBendRaisesThePitch() throws {
        let synth = try TestSoundFont.synthesizer(sampleRate: sampleRate)
        // Default bend range is two semitones: full up bend turns A4 into B4.
        synth.send(.pitchBend(channel: 0, value: UInt14(clamping: 16_383)))
        let audio = try renderNote(69, program: 73, synth: synth)
        #expect(Signal.strongestNote(audio[4800..<24_000], sampleRate: sampleRate, in: 60...84) == 71)
    }

    @Test func allNotesOffReleasesEveryVoice() throws {
        let synth = try TestSoundFont.synthesizer(sampleRate: sampleRate)
        for note in [60, 64, 67] { synth.send(.noteOn(channel: 0, note: .of(note), velocity: 100)) }
        synth.send(.programChange(channel: 1, program: 48))
        synth.send(.noteOn(channel: 1, note: 48, velocity: 100))
        let renderer = OfflineRenderer(synthesizer: synth)
        let buffer = AudioBuffer()
        try renderer.render(frames: 4800, events: { _, _ in }, to: buffer)
        #expect(synth.activeVoiceCount >= 4)
        for channel in [0, 1] {
            synth.send(.controlChange(channel: MIDIChannel(channel)!, controller: MIDIController.allNotesOff, value: 0))
        }
        try renderer.renderTail(maxFrames: 10 * sampleRate, to: buffer)
        #expect(synth.activeVoiceCount == 0)
    }

    @Test func channelPressureAndControllersAreAccepted() throws {
        let synth = try TestSoundFont.synthesizer(sampleRate: sampleRate)
        #expect(synth.send(.channelPressure(channel: 0, pressure: 80)))
        #expect(synth.send(.controlChange(channel: 0, controller: MIDIController.volume, value: 90)))
        #expect(synth.send(.noteOn(channel: 0, note: 60, velocity: 90)))
        #expect(synth.send(.noteOff(channel: 0, note: 60, velocity: 0)))
        // A note-off for a note that is not sounding is refused, harmlessly.
        #expect(!synth.send(.noteOff(channel: 0, note: 61, velocity: 0)))
    }

    @Test("events take effect on FluidSynth's 64-frame grid")
    func blockGrid() throws {
        func onset(renderFirst: Int) throws -> Int {
            let synth = try TestSoundFont.synthesizer(sampleRate: sampleRate)
            var audio = [Float](repeating: 0, count: 2 * 512)
            audio.withUnsafeMutableBufferPointer { all in
                let first = UnsafeMutableBufferPointer(rebasing: all[0..<(2 * renderFirst)])
                synth.render(into: first)
                synth.send(.noteOn(channel: 9, note: 38, velocity: 127))
                synth.render(into: UnsafeMutableBufferPointer(rebasing: all[(2 * renderFirst)...]))
            }
            return Signal.mono(audio).firstIndex { $0 != 0 } ?? -1
        }
        let atStart = try onset(renderFirst: 0)
        let midBlock = try onset(renderFirst: 10)
        #expect((0..<64).contains(atStart))
        // Sent after 10 frames, it waits for the next block: the same onset, one block later.
        #expect(midBlock == atStart + 64)
    }

    @Test func floatAndInt16RenderingAgree() throws {
        let a = try TestSoundFont.synthesizer(sampleRate: sampleRate)
        let b = try TestSoundFont.synthesizer(sampleRate: sampleRate)
        for synth in [a, b] { synth.send(.noteOn(channel: 0, note: 60, velocity: 100)) }
        var floats = [Float](repeating: 0, count: 2 * 4096)
        var ints = [Int16](repeating: 0, count: 2 * 4096)
        floats.withUnsafeMutableBufferPointer { _ = a.render(into: $0) }
        ints.withUnsafeMutableBufferPointer { _ = b.render(into: $0) }
        let maxError = zip(floats, ints).map { abs(Double($0) * 32_768 - Double($1)) }.max()!
        #expect(Signal.rms(Signal.mono(floats)[...]) > 0.001)
        #expect(maxError <= 2)
    }
}

@Suite struct SoundFontLoadingTests {
    @Test func missingSoundFontNamesThePath() throws {
        let synth = try Synthesizer()
        let error = #expect(throws: FluidSynthError.self) { try synth.loadSoundFont(at: "/nowhere/band.sf2") }
        #expect(error?.description == "/nowhere/band.sf2: SoundFont not found")
    }

    @Test func invalidSoundFontNamesThePath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-soundfont-\(getpid()).sf2").path
        try Data("this is not a RIFF file".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let synth = try Synthesizer()
        let error = #expect(throws: FluidSynthError.self) { try synth.loadSoundFont(at: path) }
        let text = error?.description ?? ""
        #expect(text.hasPrefix("\(path): not a valid SoundFont"))
        #expect(!text.contains("\n"))
    }

    @Test func badSettingsAreNamed() {
        #expect(throws: FluidSynthError.invalidSetting("sample rate 100 Hz (8000...96000)")) {
            try Synthesizer(settings: SynthesizerSettings(sampleRate: 100))
        }
    }

    @Test func withoutSoundFontProgramChangeIsRefused() throws {
        let synth = try Synthesizer()
        #expect(!synth.send(.programChange(channel: 0, program: 3)))
        #expect(synth.presets.isEmpty)
    }

    @Test(.enabled(if: TestSoundFont.available, "\(TestSoundFont.missing)"))
    func generalMIDISoundFontHasEveryProgramAndAKit() throws {
        let synth = try TestSoundFont.synthesizer()
        let presets = synth.presets
        #expect(Set(presets.filter { $0.bank == 0 }.map(\.program)) == Set(0...127))
        #expect(presets.contains { $0.bank == 128 && $0.program == 0 })
    }
}
