import CFluidSynth
import Synchronization

/// The one door to the C library: every FluidSynth call in this target goes through `fluid`,
/// which turns FLUID_FAILED (or a NULL pointer) into an outcome that carries the function's
/// name and the last message FluidSynth logged. The success path does not allocate, so the
/// audio thread uses it too, checking `succeeded` instead of throwing.
struct FluidOutcome {
    let function: StaticString
    let code: Int32

    var succeeded: Bool { code != FLUID_FAILED }

    /// Throws the captured failure; returns the call's result (an id, a count) on success.
    @discardableResult
    func get() throws(FluidSynthError) -> Int32 {
        guard succeeded else {
            throw .callFailed(function: "\(function)", detail: FluidLog.takeLastMessage())
        }
        return code
    }
}

/// Runs one FluidSynth call that reports FLUID_OK / FLUID_FAILED (or a non-negative result).
@inline(__always)
func fluid(_ function: StaticString, _ body: () -> Int32) -> FluidOutcome {
    FluidLog.install()
    return FluidOutcome(function: function, code: body())
}

/// Runs one FluidSynth call that returns an object; NULL is a failure.
@inline(__always)
func fluid<T>(_ function: StaticString, _ body: () -> T?) throws(FluidSynthError) -> T {
    FluidLog.install()
    guard let value = body() else {
        throw .callFailed(function: "\(function)", detail: FluidLog.takeLastMessage())
    }
    return value
}

/// Runs one FluidSynth call that cannot fail (getters, void setters); kept behind the same
/// door so that reading this target shows every C call in one shape.
@inline(__always)
func fluidValue<T>(_ body: () -> T) -> T { body() }

/// FluidSynth prints errors and warnings to stderr by default. We capture the latest one
/// instead, so that it ends up inside the one-line error the user sees.
///
/// FluidSynth also warns from the audio thread (a note with no voice left, a preset missing
/// at a note-on), so recording a message allocates nothing and never waits: its bytes are
/// copied into a fixed buffer guarded by a flag taken with one compare-and-swap. A message
/// that arrives while another thread holds the flag is dropped (only the latest matters).
enum FluidLog {
    static let capacity = 512
    nonisolated(unsafe) private static let buffer: UnsafeMutablePointer<UInt8> = .allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = -1  // -1: no message
    private static let busy = Atomic<Bool>(false)

    private static let installation: Void = {
        let handler: fluid_log_function_t = { _, message, _ in
            guard let message else { return }
            FluidLog.record(message)
        }
        _ = buffer  // made here, on the first FluidSynth call, never on the audio thread
        for level in [FLUID_PANIC, FLUID_ERR, FLUID_WARN] {
            _ = fluid_set_log_function(Int32(level.rawValue), handler, nil)
        }
    }()

    @inline(__always)
    static func install() { _ = installation }

    /// Keeps `message` (truncated to `capacity` bytes) as the latest. Any thread; allocation-free.
    static func record(_ message: UnsafePointer<CChar>) {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        var n = 0
        while n < capacity, message[n] != 0 {
            buffer[n] = UInt8(bitPattern: message[n])
            n += 1
        }
        length = n
        busy.store(false, ordering: .releasing)
    }

    static func takeLastMessage() -> String? {
        while !busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {}
        defer { busy.store(false, ordering: .releasing) }
        guard length >= 0 else { return nil }
        let text = String(decoding: UnsafeBufferPointer(start: buffer, count: length), as: UTF8.self)
        length = -1
        return text
    }

    static func clear() { _ = takeLastMessage() }
}
