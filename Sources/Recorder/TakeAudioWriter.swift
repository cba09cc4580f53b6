/// Moves a take's audio from the tap into its file, on the writer's thread: a fixed buffer,
/// drained as far as the ring holds, written, and measured for silence (the take may end
/// after a configured silence). A short write means the disk is full (or failing): the writer
/// reports it and the caller ends the take.
public final class TakeAudioWriter {
    public let file: SoundFile
    private var buffer: [Int16]
    /// Frames since the last sample louder than `quietLevel` (counted from the take's start).
    public private(set) var quietFrames = 0
    /// A sample at or below this is silence (16-bit; the synth's reverb dies out below it).
    public var quietLevel: Int16 = 16
    public private(set) var failed = false

    public init(file: SoundFile, bufferFrames: Int = 8192) {
        self.file = file
        buffer = [Int16](repeating: 0, count: bufferFrames * 2)
    }

    public var framesWritten: Int { file.frames }

    /// Writes what the ring holds now; returns the frames moved (0: nothing waiting). After a
    /// failed write the rest is drained and dropped, so the producer never waits on a dead disk.
    @discardableResult
    public func drain(_ tap: AudioTap) -> Int {
        var moved = 0
        while true {
            let (n, ok) = buffer.withUnsafeMutableBufferPointer { b -> (Int, Bool) in
                let n = tap.drain(into: b)
                if n == 0 || failed { return (n, true) }
                let chunk = UnsafeBufferPointer(rebasing: b[0..<n])
                measure(chunk)
                return (n, file.write(chunk) == n / 2)
            }
            if !ok { failed = true }
            if n == 0 { return moved }
            moved += n / 2
        }
    }

    private func measure(_ chunk: UnsafeBufferPointer<Int16>) {
        var lastLoud = -1
        for i in stride(from: 0, to: chunk.count, by: 1) where abs(Int(chunk[i])) > Int(quietLevel) { lastLoud = i }
        if lastLoud < 0 {
            quietFrames += chunk.count / 2
        } else {
            quietFrames = (chunk.count - 1 - lastLoud) / 2
        }
    }
}
