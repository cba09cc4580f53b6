import Foundation

/// Writes 16-bit PCM WAV as it is rendered: the header's sizes are placeholders until
/// `finish()` patches them, so a render of any length needs no memory for the audio.
public final class WAVWriter: AudioSink {
    public let path: String
    public let sampleRate: Int
    public let channels: Int
    public private(set) var framesWritten = 0

    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var finished = false
    private static let headerSize = 44
    /// WAV is little-endian, like every machine Sideman runs on; others byte-swap.
    private static let hostIsLittleEndian = 1.littleEndian == 1
    private static let flushThreshold = 1 << 16

    public init(path: String, sampleRate: Int, channels: Int = 2) throws(AudioFileError) {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw .cannotCreate(path: path, reason: Self.reasonForCreateFailure(path))
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw .cannotCreate(path: path, reason: "cannot open for writing")
        }
        self.path = path
        self.sampleRate = sampleRate
        self.channels = channels
        self.handle = handle
        pending.reserveCapacity(Self.flushThreshold + 8192)
        pending.append(contentsOf: Self.header(sampleRate: sampleRate, channels: channels, dataBytes: 0))
    }

    deinit { try? handle.close() }

    /// Appends interleaved samples (a whole number of frames).
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioFileError) {
        precondition(!finished, "WAVWriter: write after finish")
        // RIFF sizes are 32-bit: about 6 hours of 48 kHz stereo.
        guard 36 + (framesWritten * channels + samples.count) * 2 <= Int(UInt32.max) else {
            throw .writeFailed(path: path, reason: "longer than a WAV file can hold")
        }
        if Self.hostIsLittleEndian {
            pending.append(contentsOf: UnsafeRawBufferPointer(samples))
        } else {
            for sample in samples {
                let bits = UInt16(bitPattern: sample)
                pending.append(UInt8(truncatingIfNeeded: bits))
                pending.append(UInt8(truncatingIfNeeded: bits >> 8))
            }
        }
        framesWritten += samples.count / channels
        if pending.count >= Self.flushThreshold { try flush() }
    }

    /// Writes what is buffered, patches the RIFF and data sizes, and closes the file.
    public func finish() throws(AudioFileError) {
        guard !finished else { return }
        try flush()
        let dataBytes = framesWritten * channels * 2
        do {
            try handle.seek(toOffset: 0)
            try handle.write(contentsOf: Self.header(sampleRate: sampleRate, channels: channels, dataBytes: dataBytes))
            try handle.close()
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
        finished = true
    }

    private func flush() throws(AudioFileError) {
        guard !pending.isEmpty else { return }
        do {
            try handle.write(contentsOf: pending)
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The canonical 44-byte header: RIFF, "fmt " (PCM, 16-bit), "data".
    static func header(sampleRate: Int, channels: Int, dataBytes: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        func text(_ s: String) { bytes.append(contentsOf: Array(s.utf8)) }
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { bytes.append(contentsOf: $0) } }
        func u16(_ v: Int) { withUnsafeBytes(of: UInt16(truncatingIfNeeded: v).littleEndian) { bytes.append(contentsOf: $0) } }
        text("RIFF")
        u32(36 + dataBytes)
        text("WAVE")
        text("fmt ")
        u32(16)
        u16(1)  // PCM
        u16(channels)
        u32(sampleRate)
        u32(sampleRate * channels * 2)  // bytes per second
        u16(channels * 2)  // bytes per frame
        u16(16)  // bits per sample
        text("data")
        u32(dataBytes)
        return bytes
    }

    private static func reasonForCreateFailure(_ path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            return "folder \(directory) does not exist"
        }
        return "permission denied or not writable"
    }
}
