import Foundation
import MusicCore
import Testing

@testable import FluidSynthOutput

@Suite struct WAVWriterTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).wav").path
    }

    func u32(_ d: [UInt8], _ at: Int) -> Int { Int(d[at]) | Int(d[at + 1]) << 8 | Int(d[at + 2]) << 16 | Int(d[at + 3]) << 24 }
    func u16(_ d: [UInt8], _ at: Int) -> Int { Int(d[at]) | Int(d[at + 1]) << 8 }

    @Test(arguments: [0, 1, 64, 100_003])
    func headerAndLengthAreCorrect(frames: Int) throws {
        let path = temporaryPath("wav")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try WAVWriter(path: path, sampleRate: 44_100)
        var samples = [Int16](repeating: 0, count: frames * 2)
        for i in 0..<samples.count { samples[i] = Int16(truncatingIfNeeded: i * 37 - 20_000) }
        // In uneven chunks, as a render loop would.
        var offset = 0
        while offset < samples.count {
            let end = min(samples.count, offset + 2 * 1000)
            try samples[offset..<end].withUnsafeBufferPointer { try writer.write($0) }
            offset = end
        }
        try writer.finish()
        let d = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(d.count == 44 + frames * 4)
        #expect(String(decoding: d[0..<4], as: UTF8.self) == "RIFF")
        #expect(u32(d, 4) == d.count - 8)
        #expect(String(decoding: d[8..<16], as: UTF8.self) == "WAVEfmt ")
        #expect(u32(d, 16) == 16)
        #expect(u16(d, 20) == 1)
        #expect(u16(d, 22) == 2)
        #expect(u32(d, 24) == 44_100)
        #expect(u32(d, 28) == 44_100 * 4)
        #expect(u16(d, 32) == 4)
        #expect(u16(d, 34) == 16)
        #expect(String(decoding: d[36..<40], as: UTF8.self) == "data")
        #expect(u32(d, 40) == frames * 4)
        // Samples round-trip, little-endian.
        for i in stride(from: 0, to: samples.count, by: max(1, samples.count / 97)) {
            let value = Int16(bitPattern: UInt16(d[44 + 2 * i]) | UInt16(d[45 + 2 * i]) << 8)
            #expect(value == samples[i])
        }
    }

    @Test func unwritableFolderIsNamed() {
        let error = #expect(throws: AudioFileError.self) { try WAVWriter(path: "/no/such/folder/out.wav", sampleRate: 48_000) }
        #expect(error?.description == "/no/such/folder/out.wav: cannot create (folder /no/such/folder does not exist)")
    }

    @Test(.enabled(if: TestSoundFont.available, "\(TestSoundFont.missing)"))
    func renderedFileMatchesRenderedFrames() throws {
        let path = temporaryPath("render")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let synth = try TestSoundFont.synthesizer(effects: true)
        let writer = try WAVWriter(path: path, sampleRate: synth.sampleRate)
        let renderer = OfflineRenderer(synthesizer: synth)
        let events = EventList([(0, .noteOn(channel: 0, note: 60, velocity: 100)), (24_000, .noteOff(channel: 0, note: 60, velocity: 0))])
        let played = try renderer.render(frames: 48_000, events: events.next, to: writer)
        let tail = try renderer.renderTail(maxFrames: 48_000 * 5, to: writer)
        try writer.finish()
        #expect(played == 48_000)
        #expect(tail > 0 && tail < 48_000 * 5)
        let d = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(d.count == 44 + (played + tail) * 4)
        #expect(writer.framesWritten == played + tail)
    }
}

@Suite struct MIDIFilePlaybackTests {
    @Test func eventsLandOnTheFramesOfTheirTicksThroughTempoChanges() {
        let ppq = 480
        let file = MIDIFile(ticksPerQuarter: ppq, tracks: [
            MIDITrack(events: [
                TimedMIDIEvent(tick: 0, .tempo(Tempo(bpm: 120)!)),
                TimedMIDIEvent(tick: ppq * 4, .tempo(Tempo(bpm: 60)!)),
            ]),
            MIDITrack(events: [
                TimedMIDIEvent(tick: 0, .noteOn(channel: 0, note: 60, velocity: 90)),
                TimedMIDIEvent(tick: ppq, .noteOff(channel: 0, note: 60, velocity: 0)),
                TimedMIDIEvent(tick: ppq * 5, .noteOn(channel: 1, note: 62, velocity: 90)),
                TimedMIDIEvent(tick: ppq * 5, .trackName("ignored")),
            ]),
        ])
        let playback = MIDIFilePlayback(file: file, sampleRate: 48_000)
        // 4 beats at 120 BPM = 2 s, then one beat at 60 BPM = 1 s.
        #expect(playback.events.map(\.frame) == [0, 24_000, 144_000])
        var seen: [(Int, MIDIEvent)] = []
        var blockStart = 0
        while !playback.isFinished {
            playback(64) { frame, event in seen.append((blockStart + frame, event)) }
            blockStart += 64
        }
        #expect(seen.map(\.0) == [0, 24_000, 144_000])
        #expect(seen.last?.1 == .noteOn(channel: 1, note: 62, velocity: 90))
    }
}
