import CSndFile

/// The one door to libsndfile: every call in this target goes through `sndfile`, which turns a
/// failure into a `RecorderError` carrying the function's name and libsndfile's own message for
/// that file (or for the last open, when there is no file yet).
@inline(__always)
func sndfile<T>(
    _ function: StaticString, _ handle: OpaquePointer?, path: String, failed: (T) -> Bool, _ body: () -> T
) throws(RecorderError) -> T {
    let value = body()
    if failed(value) {
        let message = sf_strerror(handle).map { String(cString: $0) } ?? "unknown error"
        throw .sndfile(path: path, function: "\(function)", message: message)
    }
    return value
}
