import CAlsa
import Foundation
import MusicCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The input thread: waits (poll) on the sequencer and on a stop pipe, decodes what arrives,
/// and pushes MIDI into a single-producer ring for the consumer (the engine's thread). It also
/// connects inputs: every matching port at start, and every matching port announced later
/// (a keyboard plugged in, or plugged back in).
public final class SequencerReader: @unchecked Sendable {
    // Safety: after start(), `connected` and `assembler` are touched only by the reader thread.
    private let client: SequencerClient
    public let ring: SPSCRing<InputEvent>
    private let policy: InputPolicy
    private let outputPolicy: OutputPolicy
    private let notify: @Sendable (SequencerNotice) -> Void
    private var connected: Set<SequencerAddress> = []
    private var connectedOut: Set<SequencerAddress> = []
    private var assembler = SysExAssembler()
    private var listeningToAnnouncements = false
    private var stopPipe: (read: Int32, write: Int32) = (-1, -1)
    private let running = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    /// False: SysEx is passed over on this thread (counted, never pushed), so a real-time
    /// consumer never receives, and never has to free, a message's bytes.
    private let forwardsSysEx: Bool
    private let sysExSkipped = Atomic<Int>(0)
    /// The ring's producer end, and what was lost on the way in (reader thread only).
    private var delivery: InputDelivery

    public init(
        client: SequencerClient, ringCapacity: Int = 1024, policy: InputPolicy, outputPolicy: OutputPolicy = OutputPolicy(),
        forwardsSysEx: Bool = true, notify: @escaping @Sendable (SequencerNotice) -> Void = { _ in }
    ) {
        self.forwardsSysEx = forwardsSysEx
        self.client = client
        self.ring = SPSCRing(capacity: ringCapacity)
        delivery = InputDelivery(ring: ring)
        self.policy = policy
        self.outputPolicy = outputPolicy
        self.notify = notify
    }

    deinit {
        stop()
        if stopPipe.read >= 0 { close(stopPipe.read); close(stopPipe.write) }
    }

    /// Subscribes to announcements, connects the inputs present now, and starts the thread.
    public func start() throws(ALSAError) {
        guard !running.load(ordering: .acquiring) else { return }
        if stopPipe.read < 0 {
            var fds: [Int32] = [-1, -1]
            try alsa("create the reader's stop pipe") { pipe(&fds) == 0 ? 0 : -errno }
            stopPipe = (fds[0], fds[1])
        }
        if !listeningToAnnouncements {
            try client.subscribeToAnnouncements()  // stays subscribed across stop() and start()
            listeningToAnnouncements = true
        }
        for port in try client.otherPorts() { consider(port) }
        running.store(true, ordering: .releasing)
        let thread = Thread { [self] in run() }
        thread.name = "sideman-midi-in"
        thread.start()
    }

    /// Stops the thread and waits for it; safe to call more than once.
    public func stop() {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
        finished.wait()
    }

    /// SysEx chunks passed over (when not forwarded).
    public var sysExSkippedCount: Int { sysExSkipped.load(ordering: .relaxed) }

    /// Addresses our input is subscribed to (reader thread, or after stop()).
    public var connectedInputs: Set<SequencerAddress> { connected }

    /// Ports our `out` is subscribed to by the output policy (reader thread, or after stop()).
    public var connectedOutputs: Set<SequencerAddress> { connectedOut }

    private func consider(_ port: PortInfo) {
        considerOutput(port)
        guard !connected.contains(port.address), policy.shouldConnect(port, ownClient: client.clientID) else {
            return
        }
        do {
            try client.connectInput(from: port.address)
            connected.insert(port.address)
            notify(.connected(port))
        } catch {
            notify(.connectFailed(port, error))
        }
    }

    private func considerOutput(_ port: PortInfo) {
        guard !connectedOut.contains(port.address), outputPolicy.shouldConnect(port, ownClient: client.clientID) else {
            return
        }
        do {
            try client.connectOutput(to: port.address)
            connectedOut.insert(port.address)
            notify(.connectedOutput(port))
        } catch {
            notify(.connectOutputFailed(port, error))
        }
    }

    private func run() {
        // Signals belong to the main thread (one place handles SIGTERM); a reader thread that
        // took one would leave the daemon deaf to it.
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
        let count = Int(snd_seq_poll_descriptors_count(client.handle, Int16(POLLIN)))
        var fds = [pollfd](repeating: pollfd(), count: count + 1)
        let filled = fds.withUnsafeMutableBufferPointer {
            Int(snd_seq_poll_descriptors(client.handle, $0.baseAddress, UInt32(count), Int16(POLLIN)))
        }
        fds[filled] = pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)
        let watched = fds.prefix(filled + 1).map { $0 }
        var polled = watched
        var more = false  // the last pass stopped at its bound: events are still waiting
        loop: while true {
            polled = watched
            // Events left by a bounded pass may sit in alsa-lib's own buffer, which poll does
            // not see: then only the stop pipe is looked at, without waiting. Input gone quiet
            // after a loss: the consumer is told by a marker; counts held back from the journal
            // are logged once due.
            let wait = more ? 0 : delivery.waitMilliseconds(atNanoseconds: Self.now())
            let rc = poll(&polled, nfds_t(polled.count), wait)
            if rc < 0 {
                if errno == EINTR { continue }
                notify(.readError(ALSAError(operation: "wait for input (poll)", code: -errno, reason: String(cString: strerror(errno)))))
                break
            }
            if polled[filled].revents != 0 {
                var byte: UInt8 = 0
                _ = read(stopPipe.read, &byte, 1)  // consumed, so that a later start() waits again
                break loop
            }
            if rc == 0 && !more {
                let now = Self.now()
                delivery.tellLoss(source: SequencerAddress(client: client.clientID, port: 0), atNanoseconds: now)
                if let notice = delivery.due(atNanoseconds: now) { notify(notice) }
                continue
            }
            more = drain()
            passes.add(1, ordering: .relaxed)
            if let notice = delivery.due(atNanoseconds: Self.now()) { notify(notice) }
        }
        finished.signal()
    }

    /// Events read per pass at most: a flood keeps the sequencer from ever running dry, and
    /// the stop pipe is looked at only between passes, so that stopping stays prompt (a pass
    /// takes well under a millisecond).
    static let eventsPerPass = 256

    /// Passes the reader has made over the sequencer's input (for tests: a burst longer than
    /// a pass takes several).
    let passes = Atomic<Int>(0)

    /// Reads what the sequencer has, up to `eventsPerPass` (the handle is non-blocking); true
    /// when it stopped at that bound with events still waiting.
    private func drain() -> Bool {
        for _ in 0..<Self.eventsPerPass {
            var event: UnsafeMutablePointer<snd_seq_event_t>?
            let rc = snd_seq_event_input(client.handle, &event)
            if rc == -EAGAIN { return false }
            if rc == -ENOSPC {
                if let notice = delivery.overrun(atNanoseconds: Self.now()) { notify(notice) }
                continue
            }
            if rc < 0 {
                notify(.readError(ALSAError(operation: "read input", code: rc, reason: String(cString: snd_strerror(rc)))))
                return false
            }
            guard let event else { return false }
            handle(SequencerEvent(event))
        }
        return snd_seq_event_input_pending(client.handle, 1) > 0
    }

    private func handle(_ e: SequencerEvent) {
        switch e.kind {
        case .portStart:
            guard e.subject.client != client.clientID else { return }
            if let port = try? client.port(at: e.subject) { consider(port) }
        case .portExit:
            // Once per port, whether it was an input, an output, or both.
            let wasOutput = connectedOut.remove(e.subject) != nil
            let wasInput = connected.remove(e.subject) != nil
            if wasInput || wasOutput { notify(.portGone(e.subject)) }
        case .clientExit:
            let gone = connected.union(connectedOut).filter { $0.client == e.subject.client }
            for a in gone.sorted(by: { $0.port < $1.port }) {
                connected.remove(a)
                connectedOut.remove(a)
                notify(.portGone(a))
            }
        case .portSubscribed:
            notify(.subscribed(from: e.subject, to: e.destination))
        case .sysEx where !forwardsSysEx:
            sysExSkipped.add(1, ordering: .relaxed)
        case .sysEx:
            let before = assembler.droppedCount
            if let message = assembler.add(e.bytes) { deliver(.sysEx(message), from: e.source) }
            if assembler.droppedCount != before { notify(.sysExDropped) }
        default:
            if let midi = e.midiEvent { deliver(midi, from: e.source) }
        }
    }

    /// Pushes one event for the consumer; the first after a loss carries `lostBefore`, so that
    /// the consumer releases what it can no longer vouch for.
    private func deliver(_ midi: MIDIEvent, from source: SequencerAddress) {
        if let notice = delivery.deliver(InputEvent(source: source, event: midi, receivedNanoseconds: Self.now())) {
            notify(notice)
        }
    }

    private static func now() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}
