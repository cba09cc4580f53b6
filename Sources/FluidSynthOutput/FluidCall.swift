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
enum FluidLog {
    private static let lastMessage = Mutex<String?>(nil)

    private static let installation: Void = {
        let handler: fluid_log_function_t = { _, message, _ in
            guard let message else { return }
            let text = String(cString: message)
            FluidLog.lastMessage.withLock { $0 = text }
        }
        for level in [FLUID_PANIC, FLUID_ERR, FLUID_WARN] {
            _ = fluid_set_log_function(Int32(level.rawValue), handler, nil)
        }
    }()

    @inline(__always)
    static func install() { _ = installation }

    static func takeLastMessage() -> String? {
        lastMessage.withLock { message in
            defer { message = nil }
            return message
        }
    }

    static func clear() { _ = takeLastMessage() }
}
