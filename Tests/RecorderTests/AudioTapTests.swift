import Foundation
import Testing

@testable import Recorder

@Suite("AudioTap: the audio thread's side of a take") struct AudioTapTests {
    @Test func armedWaitsForTheTrigger() {
        let tap = AudioTap(sampleRate: 1000, seconds: 1)
        let block = [Int16](repeating: 7, count: 128)
        #expect(tap.begin(.armed))
        block.withUnsafeBufferPointer { _ = tap.capture(interleaved: $0, atFrame: 0) }
        #expect(tap.pending == 0)
        tap.trigger()
        block.withUnsafeBufferPointer { _ = tap.capture(interleaved: $0, atFrame: 64) }
        #expect(tap.currentState == .capturing)
        #expect(tap.startFrame == 64)
        #expect(tap.pending == 128)
        #expect(tap.requestStop())
        block.withUnsafeBufferPointer { _ = tap.capture(interleaved: $0, atFrame: 128) }
        #expect(tap.currentState == .stopped)
        #expect(!tap.begin(.starting))  // the last take is not written yet
        var out = [Int16](repeating: 0, count: 1024)
        #expect(out.withUnsafeMutableBufferPointer { tap.drain(into: $0) } == 128)
        #expect(out.prefix(128).allSatisfy { $0 == 7 })
    }

    @Test func floatsBecomeSixteenBitsClamped() {
        #expect(AudioTap.sample(0) == 0)
        #expect(AudioTap.sample(1) == 32767)
        #expect(AudioTap.sample(-2) == -32768)
        #expect(AudioTap.sample(0.5) == 16384)
    }

    @Test func ringWrapsAround() {
        let tap = AudioTap(sampleRate: 100, seconds: 1)  // 1024 samples
        #expect(tap.begin(.starting))
        var out = [Int16](repeating: 0, count: 2048)
        var expected: Int16 = 0
        for n in 0..<40 {
            let block = (0..<128).map { Int16(truncatingIfNeeded: n * 128 + $0) }
            block.withUnsafeBufferPointer { _ = tap.capture(interleaved: $0, atFrame: Int64(n * 64)) }
            let got = out.withUnsafeMutableBufferPointer { tap.drain(into: $0) }
            #expect(got == 128)
            for i in 0..<got {
                #expect(out[i] == expected)
                expected &+= 1
            }
        }
        #expect(tap.currentState == .capturing)
    }
}

@Suite("Take names") struct TakeNameTests {
    @Test func dateTimeAndStyle() {
        let date = Date(timeIntervalSince1970: 1_796_581_812)  // 2026-12-06 18:30:12 UTC
        #expect(TakeName.make(date: date, label: "Medium Swing", timeZone: TimeZone(identifier: "UTC")!) == "2026-12-06 183012 medium-swing")
        #expect(TakeName.slug("Bossa Nova (Yamaha) / 2.sty") == "bossa-nova-yamaha-2-sty")
    }

    @Test func aUsedNameGetsANumber() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(TakeName.unused("a", in: folder, extensions: TakeLibrary.extensions) == "a")
        FileManager.default.createFile(atPath: folder + "/a.mid", contents: Data())
        FileManager.default.createFile(atPath: folder + "/a 2.flac", contents: Data())
        #expect(TakeName.unused("a", in: folder, extensions: TakeLibrary.extensions) == "a 3")
    }
}
