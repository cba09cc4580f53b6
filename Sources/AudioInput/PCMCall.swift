import CAlsa

/// Why the input cannot be captured: the device and ALSA's own words.
public struct InputError: Error, Equatable, CustomStringConvertible {
    public let device: String
    public let operation: String
    public let reason: String

    public var description: String { "input \(device): cannot \(operation): \(reason)" }
}

/// The one door to ALSA's PCM calls in this target: a negative return becomes an
/// `InputError` naming the device, the operation and ALSA's reason.
@discardableResult
func pcm(_ device: String, _ operation: @autoclosure () -> String, _ call: () -> Int32) throws(InputError) -> Int32 {
    let rc = call()
    guard rc >= 0 else { throw InputError(device: device, operation: operation(), reason: String(cString: snd_strerror(rc))) }
    return rc
}

/// CLOCK_MONOTONIC in nanoseconds (the clock ALSA's timestamps are asked to use).
func monotonicNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}
