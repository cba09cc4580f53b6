/// Where rendered audio goes: interleaved stereo 16-bit samples, a block at a time.
public protocol AudioSink: AnyObject {
    func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioFileError)
}

/// Keeps rendered audio in memory (tests, analysis, short renders).
public final class AudioBuffer: AudioSink {
    public private(set) var samples: [Int16] = []
    public init() {}
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioFileError) {
        self.samples.append(contentsOf: samples)
    }
    public var frameCount: Int { samples.count / 2 }
}
