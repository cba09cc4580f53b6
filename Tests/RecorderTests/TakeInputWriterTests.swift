import Foundation
import Testing

@testable import Recorder

/// A take with an input, written off the audio thread: the band waits until the input for the
/// same moments has arrived; the input file holds the input from the aligned frame on; the mix
/// is the band plus the input, centred.
@Suite("TakeInputWriter: band, input and mix files") struct TakeInputWriterTests {
    let rate = 48_000

    @Test func theInputLandsAtTheAlignedFrameAndTheMixAddsItToTheBand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-input-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let input = LiveInput(device: "test", sampleRate: rate)
        input.capturing.store(true, ordering: .releasing)
        // The input: silence, a click (1000) at capture frame 5 000 on the left only.
        var frames = [Int16](repeating: 0, count: 2 * 10_000)
        frames[2 * 5_000] = 1_000
        _ = frames.withUnsafeBufferPointer { input.ring.push($0.baseAddress!, frames: 4_000) }
        // The take begins where the input is at frame 3 000: the click belongs at take frame 2 000.
        let alignment = InputAlignment(bandFrame: 0, bandZero: 0, inputZero: -62_500_000, lostFrames: 0, sampleRate: rate)
        #expect(alignment.inputFrame == 3_000)

        let tap = AudioTap(sampleRate: rate)
        #expect(tap.begin(.starting))
        var band = [Int16](repeating: 100, count: 2 * 64)
        for block in 0..<(3_072 / 64) {
            _ = band.withUnsafeBufferPointer { tap.capture(interleaved: $0, atFrame: Int64(block * 64)) }
        }
        band[0] = 32_767
        let mixFile = try SoundFile(creating: folder + "/t.wav", format: .wav, sampleRate: rate)
        let bandFile = try SoundFile(creating: folder + "/t.band.wav", format: .wav, sampleRate: rate)
        let inputFile = try SoundFile(creating: folder + "/t.input.wav", format: .wav, sampleRate: rate)
        let writer = TakeAudioWriter(
            file: bandFile, input: TakeInputWriter(input: input, alignment: alignment, inputFile: inputFile, mixFile: mixFile))

        // The input has arrived up to capture frame 4 000: only 1 000 band frames may go.
        #expect(writer.drain(tap) == 1_000)
        _ = frames.withUnsafeBufferPointer { input.ring.push($0.baseAddress! + 2 * 4_000, frames: 6_000) }
        #expect(writer.drain(tap) == 2_072)
        _ = band.withUnsafeBufferPointer { tap.capture(interleaved: $0, atFrame: 3_072) }
        #expect(writer.drain(tap, all: true) == 64)
        try bandFile.close()
        try writer.input!.close()

        let inputSamples = try SoundFile(reading: folder + "/t.input.wav").readAll()
        let mix = try SoundFile(reading: folder + "/t.wav").readAll()
        let bandSamples = try SoundFile(reading: folder + "/t.band.wav").readAll()
        #expect(inputSamples.count == 2 * 3_136 && mix.count == 2 * 3_136 && bandSamples.count == 2 * 3_136)
        let click = inputSamples.indices.filter { inputSamples[$0] != 0 }
        #expect(click == [2 * 2_000])
        #expect(mix[2 * 2_000] == 600 && mix[2 * 2_000 + 1] == 600)  // 100 + 1000 / 2, both sides
        #expect(mix[2 * 1_999] == 100)
        #expect(mix[2 * 3_072] == 32_767)
        // Loud band and input saturate, never wrap.
        let loud: [Int16] = [32_000, -32_000], loudInput: [Int16] = [20_000, 20_000]
        var out: [Int16] = [0, 0]
        TakeInputWriter.mix(band: loud, input: loudInput, channels: 2, frames: 1, into: &out)
        #expect(out == [32_767, -12_000])
        #expect(writer.input!.inputFrames == 3_136)
    }
}
