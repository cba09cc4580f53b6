import FluidSynthOutput
import Foundation
import Recorder

/// An offline render recorded as a take: every rendered block goes to the WAV (if any) and
/// into the recorder's tap, as the live callback's blocks do; the writer thread makes the take.
/// Offline there is time to wait, so a full ring makes the render wait instead of ending the take.
final class TakeTapSink: AudioSink {
    let inner: (any AudioSink)?
    let tap: AudioTap
    private(set) var frame: Int64 = 0

    init(inner: (any AudioSink)?, tap: AudioTap) {
        self.inner = inner
        self.tap = tap
    }

    func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioFileError) {
        try inner?.write(samples)
        while !tap.capture(interleaved: samples, atFrame: frame, overflowEnds: false) { usleep(1_000) }
        frame += Int64(samples.count / 2)
    }
}
