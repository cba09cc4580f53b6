import ALSASequencer
import Foundation
import MusicCore
import Testing

@testable import SidemanDaemon

private let hasSequencer = FileManager.default.fileExists(atPath: "/dev/snd/seq")

/// The output thread on a real sequencer (the VM's alsa-unit-tests scenario runs these): what
/// the audio thread pushes arrives at a subscriber of `out`, in order; and if the ring ever
/// refused a message, every band channel gets All Notes Off.
@Suite(.enabled(if: hasSequencer, Comment(rawValue: "skipped: no /dev/snd/seq (no sound support in this kernel)")))
struct OutputSenderTests {
    private func receive(_ reader: SequencerReader, count: Int) -> [MIDIEvent] {
        var got: [MIDIEvent] = []
        for _ in 0..<400 where got.count < count {
            while let e = reader.ring.pop() { got.append(e.event) }
            if got.count < count { usleep(5000) }
        }
        return got
    }

    @Test func whatThePathPushesArrivesInOrder() throws {
        let client = try SequencerClient(name: "SidemanOutTest")
        let listener = try SequencerClient(name: "SidemanOutListener")
        let reader = SequencerReader(client: listener, policy: InputPolicy(selection: .matching([NamePattern("SidemanOutTest:out")])))
        try reader.start()
        defer { reader.stop() }
        var output = LiveOutput(band: true, clock: true, capacity: 64)
        let sender = OutputSender(client: client, output: output)
        sender.start()
        defer { sender.stop() }
        let sent: [MIDIEvent] = [.start, .clock, .noteOn(channel: 10, note: 36, velocity: 100), .clock,
                                 .noteOff(channel: 10, note: 36, velocity: 0), .stop]
        for (i, e) in sent.enumerated() { output.band(e, frame: Int64(i)) }
        output.wake.signal()
        #expect(receive(reader, count: sent.count) == sent)
    }

    @Test func aFullRingEndsEveryBandNote() throws {
        let client = try SequencerClient(name: "SidemanOutFull")
        let listener = try SequencerClient(name: "SidemanOutFullListener")
        let reader = SequencerReader(client: listener, policy: InputPolicy(selection: .matching([NamePattern("SidemanOutFull:out")])))
        try reader.start()
        defer { reader.stop() }
        var output = LiveOutput(band: true, clock: false, capacity: 4)
        for n in 0..<6 { output.band(.noteOn(channel: 11, note: UInt7(40 + n)!, velocity: 90), frame: 0) }  // two refused
        let sender = OutputSender(client: client, output: output)
        sender.start()
        output.wake.signal()
        let got = receive(reader, count: 4 + 8)
        sender.stop()
        #expect(got.prefix(4).allSatisfy { if case .noteOn = $0 { true } else { false } })
        #expect(got.dropFirst(4).filter { if case .controlChange(_, 123, 0) = $0 { true } else { false } }.count == 8)
    }

    /// A daemon whose sound card died ends with its audio thread gone: what it sends on `out`
    /// at the end must still release every band note on an external synth.
    @Test func theStopSilencesEveryBandChannelOnOut() throws {
        let client = try SequencerClient(name: "SidemanOutStop")
        let listener = try SequencerClient(name: "SidemanOutStopListener")
        let reader = SequencerReader(client: listener, policy: InputPolicy(selection: .matching([NamePattern("SidemanOutStop:out")])))
        try reader.start()
        defer { reader.stop() }
        var output = LiveOutput(band: true, clock: false, capacity: 16)
        output.band(.noteOn(channel: 11, note: 40, velocity: 90), frame: 0)  // never released by the band
        let sender = OutputSender(client: client, output: output)
        sender.start()
        output.wake.signal()
        sender.stop()
        sender.silenceBand()
        let got = receive(reader, count: 1 + 3 * 8)
        #expect(got.first == .noteOn(channel: 11, note: 40, velocity: 90))
        for controller: UInt7 in [64, 120, 123] {
            let channels = Set(got.compactMap { if case .controlChange(let c, controller, 0) = $0 { c } else { nil } })
            #expect(channels.count == 8, "controller \(controller) on \(channels.count) band channels")
        }
    }

    /// A starved audio thread stands still with band notes sounding on `out`: the daemon asks
    /// the running output thread to release them (after what was queued).
    @Test func aRequestedSilenceReleasesEveryBandChannelWhileRunning() throws {
        let client = try SequencerClient(name: "SidemanOutStarved")
        let listener = try SequencerClient(name: "SidemanOutStarvedListener")
        let reader = SequencerReader(client: listener, policy: InputPolicy(selection: .matching([NamePattern("SidemanOutStarved:out")])))
        try reader.start()
        defer { reader.stop() }
        var output = LiveOutput(band: true, clock: false, capacity: 16)
        let sender = OutputSender(client: client, output: output)
        sender.start()
        defer { sender.stop() }
        output.band(.noteOn(channel: 11, note: 40, velocity: 90), frame: 0)
        output.wake.signal()
        sender.requestSilence()
        let got = receive(reader, count: 1 + 3 * 8)
        #expect(got.first == .noteOn(channel: 11, note: 40, velocity: 90))
        for controller: UInt7 in [64, 120, 123] {
            let channels = Set(got.compactMap { if case .controlChange(let c, controller, 0) = $0 { c } else { nil } })
            #expect(channels.count == 8, "controller \(controller) on \(channels.count) band channels")
        }
    }
}
