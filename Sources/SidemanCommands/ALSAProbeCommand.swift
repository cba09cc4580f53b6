import ALSASequencer
import ArgumentParser
import Foundation
import MusicCore
import Synchronization

/// `sideman alsa-probe`: opens the Sideman sequencer client with its ports, connects the inputs
/// it finds (and those plugged in while it runs), and prints every decoded event. A check of
/// the live input path on a real kernel; the end-to-end tests drive it.
struct ALSAProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alsa-probe",
        abstract: "Open the sequencer client, connect inputs, print decoded events.",
        shouldDisplay: false)

    @Option(help: "Seconds to run.") var seconds: Double = 10
    @Option(help: "Sequencer client name.") var clientName: String = "Sideman"
    @Flag(help: "Connect no inputs (only announce the ports).") var noConnect = false
    @Flag(help: "Connect Midi Through (14) too.") var includeMidiThrough = false
    @Option(help: "Connect only ports whose 'client:port' name matches (repeatable; * and ? allowed).")
    var match: [String] = []
    @Option(help: "Hex MIDI bytes to send on 'out' after --send-delay, e.g. '90 3C 64' (repeatable).")
    var send: [String] = []
    @Option(help: "Seconds to wait before sending.") var sendDelay: Double = 1
    @Flag(help: "Send as soon as someone subscribes to 'out' (instead of after --send-delay).")
    var sendWhenSubscribed = false
    @Flag(help: "Exit right after sending.") var exitAfterSend = false
    @Flag(help: "Start each event line with its arrival time: 't=SECONDS' on the realtime clock (as `date +%s.%N`).")
    var timestamps = false

    /// Set by SIGTERM/SIGINT: the probe then stops its reader and exits cleanly.
    static let stopRequested = Atomic<Bool>(false)
    /// Set when the System client announces a subscription to our 'out' port.
    static let outSubscribed = Atomic<Bool>(false)

    func run() throws {
        signal(SIGTERM) { _ in ALSAProbeCommand.stopRequested.store(true, ordering: .relaxed) }
        signal(SIGINT) { _ in ALSAProbeCommand.stopRequested.store(true, ordering: .relaxed) }
        var outgoing: [MIDIEvent] = []
        for text in send {
            do { outgoing += try MIDIWireBytes.decode(MIDIWireBytes.parseHex(text)) } catch {
                throw ValidationError("--send '\(text)': \(error)")
            }
        }
        let client = try SequencerClient(name: clientName)
        Self.emit("client \(client.clientID) '\(client.name)' in=\(client.inputAddress) out=\(client.outputAddress)")
        if timestamps {
            // Both clocks at one instant: kernel timestamps (ALSA's) may be on either.
            var mono = timespec(), real = timespec()
            clock_gettime(CLOCK_MONOTONIC, &mono)
            clock_gettime(CLOCK_REALTIME, &real)
            Self.emit(String(format: "clocks realtime=%d.%09d monotonic=%d.%09d", real.tv_sec, real.tv_nsec, mono.tv_sec, mono.tv_nsec))
        }
        let selection: InputPolicy.Selection =
            noConnect ? .none : match.isEmpty ? .all : .matching(match.map(NamePattern.init))
        let policy = InputPolicy(selection: selection, includeMidiThrough: includeMidiThrough)
        let out = client.outputAddress
        let reader = SequencerReader(client: client, policy: policy) { notice in
            if case .subscribed(let from, _) = notice, from == out { Self.outSubscribed.store(true, ordering: .releasing) }
            Self.emit("\(notice)")
        }
        try reader.start()
        let start = Date()
        var sent = outgoing.isEmpty
        while Date().timeIntervalSince(start) < seconds && !Self.stopRequested.load(ordering: .relaxed) {
            while let input = reader.ring.pop() { Self.emit(line(input)) }
            // A subscription made before our reader listened to announcements is not
            // announced to us: ask the sequencer as well.
            let subscribers = sendWhenSubscribed && !sent ? try client.outputSubscriberCount() : 0
            let due = sendWhenSubscribed
                ? Self.outSubscribed.load(ordering: .acquiring) || subscribers > 0
                : Date().timeIntervalSince(start) >= sendDelay
            if !sent && due {
                for event in outgoing {
                    try client.send(event)
                    Self.emit("sent \(Self.describe(event))")
                }
                sent = true
                if exitAfterSend {
                    usleep(200_000)
                    break
                }
            }
            usleep(2000)
        }
        reader.stop()
        while let input = reader.ring.pop() { Self.emit(line(input)) }
        Self.emit("stopped (ring refused \(reader.ring.refusedCount))")
    }

    /// "event SOURCE DESCRIPTION", with `t=SECONDS ` in front when asked: the reader's
    /// monotonic arrival time carried over to the realtime clock, so that it compares with
    /// times other programs take with `date`.
    func line(_ input: InputEvent) -> String {
        let text = "event \(input.source) \(Self.describe(input.event))"
        guard timestamps else { return text }
        var mono = timespec(), real = timespec()
        clock_gettime(CLOCK_MONOTONIC, &mono)
        clock_gettime(CLOCK_REALTIME, &real)
        let monoNow = Int64(mono.tv_sec) * 1_000_000_000 + Int64(mono.tv_nsec)
        let realNow = Int64(real.tv_sec) * 1_000_000_000 + Int64(real.tv_nsec)
        let t = realNow - (monoNow - Int64(input.receivedNanoseconds))
        return String(format: "t=%d.%09d ", t / 1_000_000_000, t % 1_000_000_000) + text
    }

    /// Unbuffered, so that lines reach a file at once and in order across threads.
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// One stable line per event, channels counted from 1: "note-on ch=1 note=60 velocity=100".
    static func describe(_ event: MIDIEvent) -> String {
        switch event {
        case .noteOn(let c, let n, let v): "note-on ch=\(c) note=\(n) velocity=\(v)"
        case .noteOff(let c, let n, let v): "note-off ch=\(c) note=\(n) velocity=\(v)"
        case .polyPressure(let c, let n, let p): "poly-pressure ch=\(c) note=\(n) pressure=\(p)"
        case .controlChange(let c, let cc, let v): "cc ch=\(c) controller=\(cc) value=\(v)"
        case .programChange(let c, let p): "program ch=\(c) program=\(p)"
        case .channelPressure(let c, let p): "channel-pressure ch=\(c) pressure=\(p)"
        case .pitchBend(let c, let v): "pitch-bend ch=\(c) value=\(v.rawValue)"
        case .sysEx(let bytes):
            "sysex length=\(bytes.count) sum=\(bytes.reduce(0) { $0 &+ Int($1) }) bytes=\(bytes.prefix(16).map { String(format: "%02X", $0) }.joined(separator: " "))"
        case .songPosition(let p): "song-position \(p.rawValue)"
        case .clock: "clock"
        case .start: "start"
        case .stop: "stop"
        case .continue: "continue"
        case .activeSensing: "active-sensing"
        case .reset: "reset"
        }
    }
}
