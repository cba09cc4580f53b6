import ALSASequencer
import Foundation
import MusicCore
import StyleEngine
import Synchronization

/// The output thread: sleeps until the audio thread signals, then sends everything waiting in
/// the ring on `Sideman:out`, unscheduled, each message paced by OutputPacer so that a burst
/// of blocks keeps its frames' spacing (MIDI clock stays even). ALSA errors (no subscriber is
/// not one) are counted, not logged here.
public final class OutputSender: @unchecked Sendable {
    // Safety: `client.send` serialises itself; the ring has one consumer, this thread, which
    // alone touches `pacer` and `refusedSeen`.
    private let client: SequencerClient
    private let ring: SPSCRing<OutgoingMIDI>
    private let wake: DispatchSemaphore
    private let running = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let failures = Atomic<Int>(0)
    private let sent = Atomic<Int>(0)
    /// Set by `requestSilence`, taken by the output thread.
    private let silenceRequested = Atomic<Bool>(false)
    /// Messages the ring had refused when last looked at (output thread only).
    private var refusedSeen = 0
    private var pacer: OutputPacer

    public init(client: SequencerClient, output: LiveOutput) {
        self.client = client
        ring = output.ring
        wake = output.wake
        pacer = OutputPacer(sampleRate: output.sampleRate)
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
            drain(paced: true)
            if silenceRequested.exchange(false, ordering: .acquiringAndReleasing) { sendSilence() }
            if !running.load(ordering: .acquiring) { break }
        }
        drain(paced: false)
        finished.signal()
    }

    private func drain(paced: Bool) {
        while let message = ring.pop() {
            if paced {
                let now = Self.monotonicNanoseconds()
                let due = pacer.sendTime(frame: message.frame, now: now)
                if due > now && running.load(ordering: .relaxed) {
                    var until = timespec(tv_sec: Int(due / 1_000_000_000), tv_nsec: Int(due % 1_000_000_000))
                    while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nil) == EINTR {}
                }
            }
            send(message.event)
        }
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

    /// After `stop`: Sustain off, All Sound Off and All Notes Off on every band channel, sent
    /// directly. The audio thread ends every note on its way out, but a sound card that died
    /// takes the audio thread with it, and a synth on `out` must not be left holding notes.
    public func silenceBand() {
        guard !running.load(ordering: .acquiring) else { return }
        sendSilence()
    }

    /// While the thread runs: the same silence, sent by the output thread after what is queued
    /// (the audio thread stands still: its driver is starved, and the notes it started on `out`
    /// would hang until it resumes). The notes' own note-offs still follow when it does.
    public func requestSilence() {
        silenceRequested.store(true, ordering: .releasing)
        wake.signal()
    }

    private func sendSilence() {
        for channel in PartID.allCases.map(\.channel) {
            send(.controlChange(channel: channel, controller: MIDIController.sustain, value: 0))
            send(.controlChange(channel: channel, controller: MIDIController.allSoundOff, value: 0))
            send(.controlChange(channel: channel, controller: MIDIController.allNotesOff, value: 0))
        }
    }

    static func monotonicNanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
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
