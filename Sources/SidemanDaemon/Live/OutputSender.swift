import ALSASequencer
import Foundation
import MusicCore
import StyleEngine
import Synchronization

/// The output thread: sleeps until the audio thread signals, then sends everything waiting in
/// the ring on `Sideman:out`, unscheduled (each message leaves within microseconds of the
/// block that played it). ALSA errors (no subscriber is not one) are counted, not logged here.
public final class OutputSender: @unchecked Sendable {
    // Safety: `client.send` serialises itself; the ring has one consumer, this thread.
    private let client: SequencerClient
    private let ring: SPSCRing<OutgoingMIDI>
    private let wake: DispatchSemaphore
    private let running = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let failures = Atomic<Int>(0)
    private let sent = Atomic<Int>(0)
    /// Messages the ring had refused when last looked at (output thread only).
    private var refusedSeen = 0

    public init(client: SequencerClient, output: LiveOutput) {
        self.client = client
        ring = output.ring
        wake = output.wake
    }

    deinit { stop() }

    public func start() {
        guard !running.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let thread = Thread { [self] in run() }
        thread.name = "sideman-midi-out"
        thread.start()
    }

    /// Sends what is left, stops the thread and waits for it; safe to call twice.
    public func stop() {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        finished.wait()
    }

    /// Messages sent, and sends ALSA refused.
    public var sentCount: Int { sent.load(ordering: .relaxed) }
    public var failureCount: Int { failures.load(ordering: .relaxed) }

    private func run() {
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
        while true {
            wake.wait()
            drain()
            if !running.load(ordering: .acquiring) { break }
        }
        drain()
        finished.signal()
    }

    private func drain() {
        while let message = ring.pop() { send(message.event) }
        // A full ring lost messages, perhaps a note-off: end every band note out there
        // rather than leave one stuck on an external synth.
        let refused = ring.refusedCount
        if refused != refusedSeen {
            refusedSeen = refused
            for channel in PartID.allCases.map(\.channel) {
                send(.controlChange(channel: channel, controller: MIDIController.allNotesOff, value: 0))
            }
        }
    }

    private func send(_ event: MIDIEvent) {
        do {
            try client.send(event)
            sent.add(1, ordering: .relaxed)
        } catch {
            failures.add(1, ordering: .relaxed)
        }
    }
}
