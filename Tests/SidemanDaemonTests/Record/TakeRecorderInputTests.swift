import Arranger
import Foundation
import MusicCore
import Recorder
import Testing

@testable import SidemanDaemon

/// Takes with `[record] input` on, the input fed as the capture thread would (its frames and
/// the two cards' positions), and the sounds a take's MIDI starts with.
@Suite("TakeRecorder: your input and your sounds in the take") struct TakeRecorderInputTests {
    let rate = 48_000
    let block = 64

    func recorder(_ folder: String, input: String? = "hw:9,0", minFreeMB: Int = 0, log: LogCollector) -> TakeRecorder {
        var settings = SidemanConfig.Record()
        settings.mode = .off
        settings.folder = folder
        settings.format = "wav"
        settings.minFreeMB = minFreeMB
        settings.input = input
        return TakeRecorder(settings: settings, sampleRate: rate, logger: log.logger) {
            TakeRecorder.Context(label: "Bossa Nova", tempo: Tempo(bpm: 120)!, meter: .fourFour)
        }
    }

    func band(_ r: TakeRecorder, from start: Int64, blocks: Int) -> Int64 {
        let left = UnsafeMutablePointer<Float>.allocate(capacity: block), right = UnsafeMutablePointer<Float>.allocate(capacity: block)
        defer { left.deallocate(); right.deallocate() }
        var frame = start
        for _ in 0..<blocks {
            for i in 0..<block {
                left[i] = 0.1
                right[i] = 0.1
            }
            r.tap.capture(left: left, right: right, frames: block, atFrame: frame)
            frame += Int64(block)
        }
        return frame
    }

    @Test func theInputIsPlacedWhereTheCardsSayItSounded() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogCollector()
        let r = recorder(folder, log: log)
        let input = try #require(r.input)
        // The clocks, as the capture thread measures them: band frame 0 left the card at 100 s
        // (so band frame 48 000 leaves at 101 s); input frame 0 entered at 100.5 s.
        let now = OutputSender.monotonicNanoseconds()
        let second: Int64 = 1_000_000_000
        let bandZero = now - 2 * second
        input.observePlayback(nanoseconds: bandZero + second, frame: 48_000)
        input.observeCapture(nanoseconds: bandZero + second, frame: 24_000)
        input.capturing.store(true, ordering: .releasing)
        // The input: a click at input frame 30 000, which sounded with band frame 54 000.
        var frames = [Int16](repeating: 0, count: 2 * 40_000)
        frames[2 * 30_000] = 8_000
        frames[2 * 30_000 + 1] = 8_000
        _ = frames.withUnsafeBufferPointer { input.ring.push($0.baseAddress!, frames: 40_000) }

        r.run(captureInput: false)
        defer { r.shutdown() }
        #expect(r.start() == "ok: recording")
        var frame = band(r, from: 48_000, blocks: 10)  // the take starts with band frame 48 000
        waitFor { r.status.state == "recording" }
        frame = band(r, from: frame, blocks: 200)
        _ = r.stop()
        _ = band(r, from: frame, blocks: 2)
        waitFor { r.status.lastTake != nil }

        let take = try #require(TakeLibrary(folder: folder).list().first)
        #expect(take.files.count == 4, "\(take.files)")
        let own = try SoundFile(reading: folder + "/" + #require(take.inputFile)).readAll()
        let loud = stride(from: 0, to: own.count, by: 2).filter { own[$0] != 0 }.map { $0 / 2 }
        #expect(loud == [6_000])  // band frame 54 000 is the take's frame 6 000
        let mix = try SoundFile(reading: folder + "/" + #require(take.audioFile)).readAll()
        #expect(mix[2 * 6_000] == 3_277 + 8_000 && mix[2 * 5_999] == 3_277)
        #expect(try SoundFile(reading: folder + "/" + #require(take.bandFile)).readAll()[2 * 6_000] == 3_277)
        #expect(try SoundFile(reading: folder + "/" + #require(take.audioFile)).comment?.contains("band frame 0 left the card") == true)
        #expect(log.matching("take input aligned").count == 1)
    }

    @Test func withoutThePlaybackPositionTheTakeHoldsTheBandAndSaysWhy() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogCollector()
        let r = recorder(folder, log: log)
        r.input!.capturing.store(true, ordering: .releasing)
        r.input!.observeCapture(nanoseconds: OutputSender.monotonicNanoseconds(), frame: 0)
        r.run(captureInput: false)
        defer { r.shutdown() }
        #expect(r.start() == "ok: recording")
        let frame = band(r, from: 0, blocks: 100)
        waitFor { r.status.state == "recording" }
        _ = r.stop()
        _ = band(r, from: frame, blocks: 2)
        waitFor { r.status.lastTake != nil }
        let take = try #require(TakeLibrary(folder: folder).list().first)
        #expect(take.files.count == 2 && take.inputFile == nil)
        #expect(log.matching("take without your input: the band's playback position cannot be read").count == 1)
    }

    @Test func aTakeStartsWithTheSoundsChosenBeforeIt() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogCollector()
        let r = recorder(folder, input: nil, log: log)
        r.run()
        defer { r.shutdown() }
        let lead = MIDIChannel(rawValue: 0)!, bass = MIDIChannel(rawValue: 10)!, kit = MIDIChannel(rawValue: 8)!
        // Before the take: the lead's organ, the bass's bank and program, the kit, a volume.
        r.keep(.programChange(channel: lead, program: 16), frame: 0)
        r.keep(.controlChange(channel: bass, controller: MIDIController.bankSelectMSB, value: 8), frame: 0)
        r.keep(.controlChange(channel: bass, controller: MIDIController.bankSelectLSB, value: 0), frame: 0)
        r.keep(.programChange(channel: bass, program: 32), frame: 0)
        r.keep(.programChange(channel: bass, program: 33), frame: 64)  // the later one counts
        r.keep(.controlChange(channel: kit, controller: MIDIController.volume, value: 90), frame: 64)
        r.keep(.controlChange(channel: kit, controller: MIDIController.sustain, value: 127), frame: 64)  // not a sound
        var frame = band(r, from: 0, blocks: 20)
        usleep(50_000)
        #expect(r.start() == "ok: recording")
        r.keep(.noteOn(channel: lead, note: 60, velocity: 100), frame: frame)
        frame = band(r, from: frame, blocks: 100)
        waitFor { r.status.state == "recording" }
        r.keep(.programChange(channel: lead, program: 0), frame: frame)  // during the take: where it happened
        frame = band(r, from: frame, blocks: 100)
        _ = r.stop()
        _ = band(r, from: frame, blocks: 2)
        waitFor { r.status.lastTake != nil }

        let take = try #require(TakeLibrary(folder: folder).list().first)
        let midi = try MIDIFile.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + take.midiFile!))))
        func opening(_ channel: MIDIChannel) -> [MIDIEvent] {
            midi.tracks.flatMap(\.events).filter { $0.tick == 0 }.compactMap {
                if case .midi(let e) = $0.event, e.channel == channel, !e.isNoteOn { return e }
                return nil
            }
        }
        #expect(opening(lead) == [.programChange(channel: lead, program: 16)])
        #expect(
            opening(bass) == [
                .controlChange(channel: bass, controller: MIDIController.bankSelectMSB, value: 8),
                .controlChange(channel: bass, controller: MIDIController.bankSelectLSB, value: 0),
                .programChange(channel: bass, program: 33),
            ])
        #expect(opening(kit) == [.controlChange(channel: kit, controller: MIDIController.volume, value: 90)])
        let later = midi.tracks.flatMap(\.events).filter { $0.tick > 0 && $0.event == .midi(.programChange(channel: lead, program: 0)) }
        #expect(later.count == 1)
    }

    @Test func tooLittleFreeSpaceRefusesTakesWithTheInputOn() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogCollector()
        let r = recorder(folder, minFreeMB: 1_000_000, log: log)
        r.input!.capturing.store(true, ordering: .releasing)
        #expect(r.start().hasPrefix("error: only"))
        #expect(r.status.state == "refused")
        #expect(TakeLibrary(folder: folder).list().isEmpty)
    }
}
