/// Moves a take's audio from the tap into its file, on the writer's thread: a fixed buffer,
/// drained as far as the ring holds, written, and measured for silence (the take may end
/// after a configured silence). A short write means the disk is full (or failing): the writer
/// reports it and the caller ends the take. With an input recorded (`input`), the band waits
/// in the tap until the input for the same moments has arrived, then both are written.
public final class TakeAudioWriter {
    public let file: SoundFile
    public let input: TakeInputWriter?
    private var buffer: [Int16]
    /// Frames since the last sample louder than `quietLevel` (counted from the take's start).
    public private(set) var quietFrames = 0
    /// A sample at or below this is silence (16-bit; the synth's reverb dies out below it).
    public var quietLevel: Int16 = 16
    private var bandFailed = false

    public init(file: SoundFile, input: TakeInputWriter? = nil, bufferFrames: Int = 8192) {
        self.file = file
        self.input = input
        buffer = [Int16](repeating: 0, count: bufferFrames * 2)
    }

    public var framesWritten: Int { file.frames }
    public var failed: Bool { bandFailed || input?.failed == true }

    /// Writes what the ring holds now (with an input: as far as the input has arrived, or all
    /// of it when `all`, the take's end); returns the frames moved (0: nothing waiting). After
    /// a failed write the rest is drained and dropped, so the producer never waits on a dead disk.
    @discardableResult
    public func drain(_ tap: AudioTap, all: Bool = false) -> Int {
        var moved = 0
        while true {
            let ready = all || failed ? Int.max : (input?.readyFrames ?? .max)
            let limit = min(buffer.count, ready >= buffer.count / 2 ? buffer.count : 2 * ready)
            if limit == 0 { return moved }
            let n = buffer.withUnsafeMutableBufferPointer { b -> Int in
                let n = tap.drain(into: UnsafeMutableBufferPointer(rebasing: b[0..<limit]))
                if n == 0 || failed { return n }
                let chunk = UnsafeBufferPointer(rebasing: b[0..<n])
                if file.write(chunk) != n / 2 { bandFailed = true }
                if let input {
                    input.write(band: chunk) { measure($0) }
                } else {
                    measure(chunk)
                }
                return n
            }
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
