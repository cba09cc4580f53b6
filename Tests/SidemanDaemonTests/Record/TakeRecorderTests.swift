import Arranger
import Foundation
import MusicCore
import Recorder
import Testing

@testable import SidemanDaemon

/// The live recorder as the audio thread drives it: blocks of float audio after each render,
/// the notes and notices of each block, and the writer thread making the files.
@Suite("TakeRecorder: armed takes from the audio thread") struct TakeRecorderTests {
    let rate = 48_000
    let block = 64

    func recorder(_ folder: String, mode: SidemanConfig.Record.Mode = .armed, log: LogCollector) -> TakeRecorder {
        var settings = SidemanConfig.Record()
        settings.mode = mode
        settings.folder = folder
        settings.minFreeMB = 0
        settings.stopAfterSilence = 2
        return TakeRecorder(settings: settings, sampleRate: rate, logger: log.logger) {
            TakeRecorder.Context(label: "Medium Swing", tempo: Tempo(bpm: 120)!, meter: .fourFour)
        }
    }

    /// Plays `blocks` blocks as the audio callback would: a tone while `loud`, silence after.
    func play(_ r: TakeRecorder, from start: Int64, blocks: Int, loud: Bool) -> Int64 {
        let left = UnsafeMutablePointer<Float>.allocate(capacity: block), right = UnsafeMutablePointer<Float>.allocate(capacity: block)
        defer { left.deallocate(); right.deallocate() }
        var frame = start
        for _ in 0..<blocks {
            for i in 0..<block {
                let x: Float = loud ? 0.25 * sin(Float(frame + Int64(i)) * 0.05) : 0
                left[i] = x
                right[i] = -x
            }
            r.tap.capture(left: left, right: right, frames: block, atFrame: frame)
            frame += Int64(block)
            if blocks > 200 { usleep(50) }
        }
        return frame
    }

    @Test func armedTakeStartsOnTheFirstNoteAndEndsAfterTheBandStops() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogCollector()
        let r = recorder(folder, log: log)
        r.run()
        defer { r.shutdown() }
        #expect(r.status.state == "armed")

        // Silence before the first note is not recorded.
        var frame = play(r, from: 0, blocks: 100, loud: false)
        #expect(r.tap.currentState == .armed)
        let startFrame = frame
        r.keep(.noteOn(channel: MIDIChannel(0), note: 60, velocity: 100), frame: frame)
        r.keep(.chordChanged(Chord(root: PitchClass(wrapping: 0), type: .major), frame: 10), blockFrame: frame)
        r.keep(.sectionStarted(.main(.a), frame: 10), blockFrame: frame)
        frame = play(r, from: frame, blocks: 750, loud: true)  // 1 s
        r.keep(.noteOff(channel: MIDIChannel(0), note: 60, velocity: 0), frame: frame)
        r.keep(.stopped(frame: 0), blockFrame: frame)
        // The quiet after the band, fed no faster than the writer takes it in: where the take
        // ends then depends on the frames, not on how busy the machine is.
        for _ in 0..<(750 / 16) where r.tap.currentState == .capturing || r.tap.currentState == .stopping {
            frame = play(r, from: frame, blocks: 16, loud: false)
            waitFor { r.tap.pending == 0 || r.tap.currentState != .capturing }
        }
        waitFor { r.status.lastTake != nil }
        #expect(r.tap.startFrame == startFrame)

        let takes = TakeLibrary(folder: folder).list()
        try #require(takes.count == 1)
        #expect(takes[0].name.hasSuffix(" medium-swing"))
        #expect(!takes[0].incomplete)
        // 1 s of music and 0.3 s of quiet after the band stopped (give or take 16 blocks fed
        // while the writer looked); without the band's stop it would run to the 2 s of silence.
        let seconds = try #require(takes[0].seconds)
        #expect(seconds >= 1.3 && seconds < 1.36, "take of \(seconds) s")
        let midi = try MIDIFile.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + takes[0].midiFile!))))
        let events = midi.tracks.flatMap(\.events)
        #expect(events.contains { $0.event == .midi(.noteOn(channel: MIDIChannel(0), note: 60, velocity: 100)) && $0.tick == 0 })
        #expect(events.contains { $0.event == .meta(.text(.text, "C")) })
        #expect(events.contains { $0.event == .meta(.marker("Main A")) })
        #expect(log.matching("take saved").count == 1)
        // Armed again for the next take.
        waitFor { r.status.state == "armed" }
        #expect(r.status.state == "armed")
    }

    @Test func aFullRingEndsTheTakeCleanly() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogCollector()
        let r = recorder(folder, mode: .off, log: log)
        // No writer thread: the ring (4 s, rounded up to 5.5 s) fills and the take ends there, without waiting.
        #expect(r.start().hasPrefix("ok"))
        _ = play(r, from: 0, blocks: 7 * rate / block, loud: true)
        #expect(r.tap.currentState == .overflowed)
        #expect(r.tap.overflowCount == 1)
        r.run()
        waitFor { r.status.lastTake != nil }
        r.shutdown()
        let takes = TakeLibrary(folder: folder).list()
        try #require(takes.count == 1)
        #expect(takes[0].incomplete)
        #expect(log.matching("take cut short: the writer fell behind").count == 1)
    }

    @Test func tooLittleFreeSpaceRefusesTakes() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogCollector()
        var settings = SidemanConfig.Record()
        settings.folder = folder
        settings.minFreeMB = 1_000_000
        let r = TakeRecorder(settings: settings, sampleRate: rate, logger: log.logger) {
            TakeRecorder.Context(label: "x", tempo: Tempo(bpm: 120)!, meter: .fourFour)
        }
        #expect(r.start().hasPrefix("error: only"))
        #expect(r.status.state == "refused")
        #expect(r.status.summary.contains("min_free_mb = 1000000"))
        #expect(log.matching("recording refused").count == 1)
        _ = r.start()
        #expect(log.matching("recording refused").count == 1)  // said once
    }
}
