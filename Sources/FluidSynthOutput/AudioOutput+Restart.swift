import CFluidSynth
import Foundation

extension AudioOutput {
    /// Replaces the driver with a new one on the same device, settings and callback: after
    /// the sound card stopped (FluidSynth's driver thread ended on an I/O error) or vanished.
    /// The callback's caller simply resumes, so whatever it clocks by callbacks (the engine's
    /// sample clock) continues from where it stopped. Deleting the old driver joins its thread,
    /// which can hang if that thread is stuck in a write to a dead card: the deletion runs on
    /// a thread of its own and is given up after `deleteTimeout` (the old driver is leaked,
    /// its context kept alive and retired, so it never calls the callback again).
    /// Throws when the card cannot be opened (then `isRunning` is false; call again later).
    /// Returns false when the old driver could not be deleted in time.
    @discardableResult
    public func restart(deleteTimeout: Duration = .seconds(2)) throws(FluidSynthError) -> Bool {
        var released = true
        let old = context
        if let driver {
            old.retired.store(true, ordering: .relaxed)
            released = Self.release(DriverHandle(driver: driver, context: old), within: deleteTimeout)
            self.driver = nil
        }
        let fresh = Context(
            synth: old.synth, block: old.block, rendered: old.rendered, handedOver: old.handedOver, frames: old.frames.load(ordering: .relaxed))
        context = fresh
        driver = try Self.open(synthesizer, fresh)
        return released
    }

    /// Fault injection for tests: the driver's thread ends in its next callback, as FluidSynth's
    /// ALSA driver ends it after a sound card I/O error (FluidSynth 2.3 ignores a callback's
    /// FLUID_FAILED, so the thread ends itself). Never called by a product build.
    public func stopCallingBack() {
        context.end.store(true, ordering: .relaxed)
    }

    /// Fault injection for tests: the driver's thread waits inside its next callback until
    /// released (`false`) or the driver is replaced, as a starved driver that has not ended.
    /// Never called by a product build: the audio thread waits here.
    public func holdCallbacks(_ held: Bool) {
        context.park.store(held, ordering: .relaxed)
    }

    /// A driver being deleted, and the context its thread may still use until then.
    final class DriverHandle: @unchecked Sendable {
        // Safety: handed to one deleting thread and not touched by anyone else afterwards.
        let driver: OpaquePointer
        let context: Context
        init(driver: OpaquePointer, context: Context) {
            self.driver = driver
            self.context = context
        }
    }

    /// Deletes the driver on a thread of its own; false if that did not finish in time.
    static func release(_ handle: DriverHandle, within timeout: Duration) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            delete_fluid_audio_driver(handle.driver)
            withExtendedLifetime(handle) { done.signal() }
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        return done.wait(timeout: .now() + seconds) == .success
    }
}
