import CAlsa

/// A failed ALSA call: which operation, and ALSA's own words for why.
public struct ALSAError: Error, Equatable, CustomStringConvertible {
    public let operation: String
    public let code: Int32
    public let reason: String

    public var description: String { "ALSA sequencer: cannot \(operation): \(reason) (error \(code))" }
}

/// Every ALSA call goes through here: a negative return becomes an ALSAError naming the
/// operation, so that no failure is ignored and every message says what was being done.
@discardableResult
func alsa(_ operation: @autoclosure () -> String, _ call: () -> Int32) throws(ALSAError) -> Int32 {
    let rc = call()
    guard rc >= 0 else {
        throw ALSAError(operation: operation(), code: rc, reason: String(cString: snd_strerror(rc)))
    }
    return rc
}

/// The ALSA library version this adapter was linked against.
public func alsaLibraryVersion() -> String { String(cString: snd_asoundlib_version()) }
