import Foundation
import Synchronization
import Testing

@testable import FluidSynthOutput

/// A driver that stops calling back (as FluidSynth's ALSA driver does after a sound card I/O
/// error) is replaced by `restart()`: a new driver calls the same block again, counting on.
@Suite("Audio driver restart through ALSA's null device", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/alsa/alsa.conf"), "skipped: alsa-lib configuration not installed"))
struct AudioOutputRestartTests {
    static func waitUntil(_ seconds: Double = 5, _ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    /// Counts a driver's callbacks (shared with the driver's thread).
    final class Callbacks: Sendable {
        let count = Atomic<Int>(0)
        var value: Int { count.load(ordering: .relaxed) }
    }

    /// A synthesizer playing into ALSA's null device, its callbacks counted.
    static func nullDriver() throws -> (AudioOutput, Callbacks) {
        let synth = try Synthesizer(settings: SynthesizerSettings(sampleRate: 48_000))
        let calls = Callbacks()
        let output = try AudioOutput(
            synthesizer: synth, settings: AudioOutput.Settings(driver: "alsa", device: "null", periodSize: 256, periods: 2)
        ) { _ in calls.count.add(1, ordering: .relaxed) }
        return (output, calls)
    }

    @Test func aDriverThatStoppedIsReplacedAndResumes() throws {
        let (output, calls) = try Self.nullDriver()
        defer { output.stop() }
        Self.waitUntil { calls.value >= 20 }
        #expect(calls.value >= 20)

        output.stopCallingBack()
        Thread.sleep(forTimeInterval: 0.1)
        let ended = output.framesRendered
        let callsBefore = calls.value
        Thread.sleep(forTimeInterval: 0.3)
        // Stopped: nothing renders any more.
        #expect(output.framesRendered == ended)
        #expect(calls.value == callsBefore)

        let released = try output.restart()
        #expect(released)
        #expect(output.isRunning)
        Self.waitUntil { calls.value >= callsBefore + 20 }
        #expect(calls.value >= callsBefore + 20)
        // The frame count continues from where the stopped driver left it.
        #expect(output.framesRendered > ended)
    }

    @Test func restartOfARunningDriverReplacesIt() throws {
        let (output, calls) = try Self.nullDriver()
        Self.waitUntil { calls.value >= 10 }
        #expect(try output.restart())
        let after = calls.value
        Self.waitUntil { calls.value >= after + 10 }
        #expect(calls.value >= after + 10)
        output.stop()
        let stopped = calls.value
        Thread.sleep(forTimeInterval: 0.05)
        #expect(calls.value == stopped)
    }

    /// A starved driver (held inside its callback, as a flood on a slow machine holds it) has
    /// a thread that lives: it is not to be replaced, and it resumes on its own.
    @Test func aHeldDriverLivesAndResumes() throws {
        let (output, calls) = try Self.nullDriver()
        defer { output.stop() }
        Self.waitUntil { calls.value >= 20 }
        #expect(output.driverThreadEnded == false)

        output.holdCallbacks(true)
        Thread.sleep(forTimeInterval: 0.1)
        let held = output.framesRendered
        Thread.sleep(forTimeInterval: 0.3)
        #expect(output.framesRendered == held, "held: nothing renders")
        #expect(output.driverThreadEnded == false, "but its thread lives")

        output.holdCallbacks(false)
        Self.waitUntil { output.framesRendered > held + 4096 }
        #expect(output.framesRendered > held + 4096, "released, the same driver renders again")
    }

    /// A driver whose thread ended (as after a sound card I/O error) says so; its replacement
    /// has a thread that lives.
    @Test func aDriverWhoseThreadEndedSaysSo() throws {
        let (output, calls) = try Self.nullDriver()
        defer { output.stop() }
        Self.waitUntil { calls.value >= 20 }
        #expect(output.driverThreadEnded == false)
        output.stopCallingBack()
        Self.waitUntil { output.driverThreadEnded == true }
        #expect(output.driverThreadEnded == true)
        #expect(try output.restart(), "an ended thread is joined at once")
        Self.waitUntil { output.driverThreadEnded == false }
        #expect(output.driverThreadEnded == false)
    }

    /// A reopened card gets a new driver thread: it must run SCHED_FIFO as the first did
    /// (FluidSynth asks for `audio.realtime-prio` in each new thread), or the band underruns
    /// after every reopen.
    @Test func aReplacedDriverKeepsItsRealTimePriority() throws {
        let (output, calls) = try Self.nullDriver()
        defer { output.stop() }
        Self.waitUntil { calls.value >= 20 }
        guard output.driverThreadIsRealTime == true else {
            print("skipped: this machine does not grant SCHED_FIFO to the audio thread (no LimitRTPRIO or CAP_SYS_NICE)")
            return
        }
        output.stopCallingBack()
        Self.waitUntil { output.driverThreadEnded == true }
        #expect(try output.restart())
        Self.waitUntil { calls.value >= 40 && output.driverThreadIsRealTime != nil }
        #expect(output.driverThreadIsRealTime == true, "the new driver thread runs SCHED_OTHER")
        #expect(try output.restart(), "and once more, from a running driver")
        let after = calls.value
        Self.waitUntil { calls.value >= after + 20 && output.driverThreadIsRealTime != nil }
        #expect(output.driverThreadIsRealTime == true)
    }
}
