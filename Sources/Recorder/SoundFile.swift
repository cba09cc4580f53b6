import CSndFile

/// One audio file through libsndfile: 16-bit interleaved frames written or read a block at a
/// time. Used by the take writer's thread, by `sideman recordings` and by tests, never by the
/// audio thread.
public final class SoundFile {
    public let path: String
    public let sampleRate: Int
    public let channels: Int
    /// Frames in the file (read), or written so far (write).
    public private(set) var frames: Int
    private var handle: OpaquePointer?

    /// Creates (or truncates) `path` for writing.
    public init(creating path: String, format: TakeFormat, sampleRate: Int, channels: Int = 2) throws(RecorderError) {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        let container = format == .flac ? SF_FORMAT_FLAC : SF_FORMAT_WAV
        info.format = Int32(container | SF_FORMAT_PCM_16)
        handle = try sndfile("sf_open", nil, path: path, failed: { $0 == nil }) { sf_open(path, Int32(SFM_WRITE), &info) }
        self.path = path
        self.sampleRate = sampleRate
        self.channels = channels
        frames = 0
    }

    /// Opens `path` for reading.
    public init(reading path: String) throws(RecorderError) {
        var info = SF_INFO()
        handle = try sndfile("sf_open", nil, path: path, failed: { $0 == nil }) { sf_open(path, Int32(SFM_READ), &info) }
        self.path = path
        sampleRate = Int(info.samplerate)
        channels = Int(info.channels)
        frames = Int(info.frames)
    }

    deinit { try? close() }

    /// A comment in the file's metadata (a FLAC's Vorbis comment, a WAV's INFO chunk), set
    /// before the first frame is written.
    public func setComment(_ text: String) throws(RecorderError) {
        guard let handle else { return }
        _ = try sndfile("sf_set_string", handle, path: path, failed: { $0 != 0 }) { sf_set_string(handle, Int32(SF_STR_COMMENT), text) }
    }

    /// The file's comment, if it has one.
    public var comment: String? {
        guard let handle, let text = sf_get_string(handle, Int32(SF_STR_COMMENT)) else { return nil }
        return String(cString: text)
    }

    /// Writes interleaved frames; returns how many were written (fewer: the disk is full or
    /// failing — the caller ends the take).
    @discardableResult
    public func write(_ samples: UnsafeBufferPointer<Int16>) -> Int {
        guard let handle, let base = samples.baseAddress, channels > 0 else { return 0 }
        let count = samples.count / channels
        let written = Int(sf_writef_short(handle, base, sf_count_t(count)))
        frames += max(0, written)
        return written
    }

    /// Reads up to `buffer.count / channels` frames; returns the frames read (0 at the end).
    public func read(into buffer: UnsafeMutableBufferPointer<Int16>) -> Int {
        guard let handle, let base = buffer.baseAddress, channels > 0 else { return 0 }
        return max(0, Int(sf_readf_short(handle, base, sf_count_t(buffer.count / channels))))
    }

    /// Every sample of the file, interleaved (tests, analysis).
    public func readAll() -> [Int16] {
        var all = [Int16]()
        all.reserveCapacity(frames * channels)
        var block = [Int16](repeating: 0, count: 4096 * max(1, channels))
        while true {
            let n = block.withUnsafeMutableBufferPointer { read(into: $0) }
            if n == 0 { break }
            all.append(contentsOf: block[0..<(n * channels)])
        }
        return all
    }

    /// Flushes and closes (a FLAC's last frame and a WAV's header are written here).
    public func close() throws(RecorderError) {
        guard let h = handle else { return }
        handle = nil
        _ = try sndfile("sf_close", nil, path: path, failed: { $0 != 0 }) { sf_close(h) }
    }
}
